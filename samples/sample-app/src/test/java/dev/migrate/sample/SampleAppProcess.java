package dev.migrate.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged sample jar running as a separate process ({@code java -jar}) on a free port, with its
 * output in a log file. {@link #close()} stops it (SIGTERM, then forcibly).
 */
final class SampleAppProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path log;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private SampleAppProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the jar and waits until {@code /actuator/health} answers UP.
	 * @param workingDirectory the process's working directory (its {@code ./data/} goes there)
	 * @param environment extra environment variables, such as {@code SAMPLE_DB_URL}
	 * @param arguments extra application arguments, such as {@code --spring.profiles.active=postgres}
	 * @return the running application
	 */
	static SampleAppProcess start(Path workingDirectory, Map<String, String> environment, String... arguments) {
		String jar = System.getProperty("sample.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("System property 'sample.jar' must name the packaged jar (was " + jar
					+ "); run the integration tests with './mvnw -pl samples/sample-app -am verify'");
		}
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar, "--server.port=" + port));
		command.addAll(List.of(arguments));
		Path log = workingDirectory.resolve("sample-app.log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().remove("SAMPLE_DB_URL");
		builder.environment().remove("SAMPLE_DB_USER");
		builder.environment().remove("SAMPLE_DB_PASSWORD");
		builder.environment().putAll(environment);
		try {
			SampleAppProcess app = new SampleAppProcess(builder.start(), log, port);
			app.awaitHealthy();
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * @return everything the process printed so far
	 */
	String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	HttpResponse<String> post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * GETs a path that must answer 200 and parses the body.
	 * @param path the path
	 * @return the JSON body
	 */
	JsonNode getJson(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body()
					+ "\n--- application log ---\n" + log());
		}
		return JSON.readTree(response.body());
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	private void awaitHealthy() {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		String last = "no answer";
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new AssertionError("The sample application exited with " + this.process.exitValue()
						+ " before it was healthy\n--- application log ---\n" + log());
			}
			try {
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
				last = response.statusCode() + " " + response.body();
				if (response.statusCode() == 200 && JSON.readTree(response.body()).path("status").asString().equals("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		close();
		throw new AssertionError("The sample application was not healthy within " + STARTUP_TIMEOUT.toSeconds()
				+ " s; last answer: " + last + "\n--- application log ---\n" + log());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Stops the application: SIGTERM and a graceful shutdown, forcibly after 30 seconds.
	 */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
