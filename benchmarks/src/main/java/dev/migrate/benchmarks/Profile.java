package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a JFR recording of one child run: where the samples fall (Java and native, so time spent waiting
 * on the database shows too), by the innermost frame, by the innermost migrate frame, and by the innermost
 * frame's package family.
 */
final class Profile {

	private static final int TOP = 12;

	private Profile() {
	}

	static List<String> summarize(Path recording) throws IOException {
		return summarize(recording, "main"::equals, "the main thread");
	}

	/**
	 * @param recording a JFR recording
	 * @param threads which threads' samples count, by Java name
	 * @param described how the summary names those threads
	 * @return the summary's lines
	 * @throws IOException if the recording cannot be read
	 */
	static List<String> summarize(Path recording, java.util.function.Predicate<String> threads, String described)
			throws IOException {
		return summarize(recording, threads, described, java.time.Instant.MIN);
	}

	/**
	 * @param recording a JFR recording
	 * @param threads which threads' samples count, by Java name
	 * @param described how the summary names those threads
	 * @param from the samples before this instant (a start-up) do not count
	 * @return the summary's lines
	 * @throws IOException if the recording cannot be read
	 */
	static List<String> summarize(Path recording, java.util.function.Predicate<String> threads, String described,
			java.time.Instant from) throws IOException {
		return summarize(recording, threads, described, from, java.time.Instant.MAX);
	}

	/**
	 * @param recording a JFR recording
	 * @param threads which threads' samples count, by Java name
	 * @param described how the summary names those threads
	 * @param from the samples before this instant (a start-up) do not count
	 * @param to the samples after this instant (untimed checks after the work) do not count
	 * @return the summary's lines
	 * @throws IOException if the recording cannot be read
	 */
	static List<String> summarize(Path recording, java.util.function.Predicate<String> threads, String described,
			java.time.Instant from, java.time.Instant to) throws IOException {
		Map<String, Integer> byThread = new HashMap<>();
		Map<String, Integer> leaf = new HashMap<>();
		Map<String, Integer> migrate = new HashMap<>();
		Map<String, Integer> family = new HashMap<>();
		int total = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String type = event.getEventType().getName();
			if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
				continue;
			}
			if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			if (event.getThread("sampledThread") != null
					&& !threads.test(event.getThread("sampledThread").getJavaName())) {
				continue;
			}
			total++;
			if (event.getThread("sampledThread") != null) {
				byThread.merge(event.getThread("sampledThread").getJavaName(), 1, Integer::sum);
			}
			List<RecordedFrame> frames = stack.getFrames();
			String top = name(frames.get(0));
			leaf.merge(top, 1, Integer::sum);
			family.merge(family(top), 1, Integer::sum);
			for (RecordedFrame frame : frames) {
				String name = name(frame);
				if (name.startsWith("dev.migrate.core")) {
					migrate.merge(name, 1, Integer::sum);
					break;
				}
			}
		}
		List<String> lines = new ArrayList<>();
		lines.add(recording.getFileName() + ": " + total + " samples of " + described + " (Java and native)");
		append(lines, "by thread", byThread, total);
		append(lines, "by package family of the innermost frame", family, total);
		append(lines, "by innermost migrate frame", migrate, total);
		append(lines, "by innermost frame", leaf, total);
		return lines;
	}

	/**
	 * What the loaded threads cost per answer, to compare two applications loaded alike: CPU samples (Java frames
	 * only, so time waiting on the database is left out), bytes allocated (JFR's allocation samples, weighted) and
	 * the collections' pauses of the whole JVM.
	 * @param recording a JFR recording
	 * @param threads which threads' samples and allocations count, by Java name
	 * @param from the events before this instant do not count
	 * @param answers the answers given after {@code from}
	 * @return the summary's lines
	 * @throws IOException if the recording cannot be read
	 */
	static List<String> perAnswer(Path recording, java.util.function.Predicate<String> threads,
			java.time.Instant from, long answers) throws IOException {
		long samples = 0;
		long allocated = 0;
		long collections = 0;
		java.time.Duration paused = java.time.Duration.ZERO;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (event.getStartTime().isBefore(from)) {
				continue;
			}
			String type = event.getEventType().getName();
			if (type.equals("jdk.GarbageCollection")) {
				collections++;
				paused = paused.plus(event.getDuration("sumOfPauses"));
				continue;
			}
			boolean sample = type.equals("jdk.ExecutionSample");
			if (!sample && !type.equals("jdk.ObjectAllocationSample")) {
				continue;
			}
			String field = sample ? "sampledThread" : "eventThread";
			if (event.getThread(field) == null || !threads.test(event.getThread(field).getJavaName())) {
				continue;
			}
			if (sample) {
				samples++;
			}
			else {
				allocated += event.getLong("weight");
			}
		}
		double per = Math.max(1, answers);
		return List.of(String.format(Locale.ROOT,
				"  per answer: %.2f Java CPU samples per 1,000 answers, %,.0f bytes allocated, %d collections pausing "
						+ "%d ms in all (%.1f µs per answer)",
				samples * 1000 / per, allocated / per, collections, paused.toMillis(), paused.toNanos() / 1000.0 / per));
	}

	private static void append(List<String> lines, String title, Map<String, Integer> counts, int total) {
		lines.add("  " + title + ":");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(TOP)
			.forEach((entry) -> lines.add(String.format(Locale.ROOT, "    %5.1f%%  %s",
					100.0 * entry.getValue() / Math.max(1, total), entry.getKey())));
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static String family(String name) {
		String[][] families = { { "dev.migrate.", "migrate" }, { "org.postgresql.", "PostgreSQL driver" },
				{ "org.mariadb.", "MariaDB driver" }, { "org.sqlite.", "SQLite driver" },
				{ "java.lang.ClassLoader", "class loading" }, { "jdk.internal.loader.", "class loading" },
				{ "java.util.zip.", "class loading (jar)" }, { "java.util.jar.", "class loading (jar)" },
				{ "sun.nio.ch.", "socket I/O" }, { "java.net.", "socket I/O" }, { "java.io.", "java.io" },
				{ "java.util.regex.", "regex" }, { "java.lang.invoke.", "lambdas/method handles" },
				{ "java.", "JDK (other)" }, { "jdk.", "JDK (other)" }, { "sun.", "JDK (other)" } };
		for (String[] family : families) {
			if (name.startsWith(family[0])) {
				return family[1];
			}
		}
		int dot = name.lastIndexOf('.', name.lastIndexOf('.') - 1);
		return (dot > 0) ? name.substring(0, dot) : name;
	}

}
