package dev.migrate.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small closed-loop HTTP load: a few platform threads sharing one keep-alive {@link HttpClient}, each sending
 * the next GET as soon as the previous answer is read, for a fixed time. Only {@code 200} answers count; any
 * other is an error (the first one is kept to report).
 */
final class LoadLoop {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int threads;

	LoadLoop(int threads) {
		this.threads = threads;
	}

	/**
	 * Loads one URI.
	 * @param uri what to GET
	 * @param duration for how long
	 * @return what was answered
	 */
	Result run(URI uri, Duration duration) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < this.threads; i++) {
			Thread worker = new Thread(() -> {
				while (System.nanoTime() < end) {
					try {
						HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() == 200) {
							ok.incrementAndGet();
							bytes.addAndGet(response.body().length);
						}
						else {
							errors.incrementAndGet();
							firstError.compareAndSet(null, "HTTP " + response.statusCode() + " from " + uri);
						}
					}
					catch (IOException ex) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, ex + " from " + uri);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}, "load-" + i);
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		return new Result(ok.get(), errors.get(), bytes.get(), System.nanoTime() - start, firstError.get());
	}

	/**
	 * What one load run got.
	 *
	 * @param ok the number of {@code 200} answers
	 * @param errors the number of other answers and failed requests
	 * @param bytes the body bytes of the {@code 200} answers
	 * @param nanos how long it ran
	 * @param firstError the first error, or {@code null}
	 */
	record Result(long ok, long errors, long bytes, long nanos, String firstError) {

		double perSecond() {
			return this.ok * 1e9 / this.nanos;
		}

		long bytesPerAnswer() {
			return (this.ok == 0) ? 0 : this.bytes / this.ok;
		}

	}

}
