package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A process's CPU time by thread (this JVM's or another's), from Linux's {@code /proc/<pid>/task}: each thread's
 * user and system ticks, summed by its name without the trailing number (the kernel keeps the first 15 characters
 * of a Java thread's name, so all of Tomcat's {@code http-nio-127.0.0.1-...} threads are one group, and the
 * collector's {@code GC Thread#0}, {@code GC Thread#1} another). Clock ticks of 10 ms: compare totals over
 * seconds. Empty where {@code /proc} does not exist.
 */
final class ProcessThreadCpu {

	private ProcessThreadCpu() {
	}

	/**
	 * A group of threads of one name.
	 * @param millis their CPU time so far
	 * @param threads how many are alive
	 */
	record Group(long millis, int threads) {

		Group plus(Group other) {
			return new Group(this.millis + other.millis, this.threads + other.threads);
		}

	}

	/**
	 * @param pid the process
	 * @return its live threads' CPU time so far, in milliseconds, by group name
	 */
	static Map<String, Long> millisByGroup(long pid) {
		Map<String, Long> millis = new TreeMap<>();
		groups(pid).forEach((name, group) -> millis.put(name, group.millis()));
		return millis;
	}

	/**
	 * @param pid the process
	 * @return its live threads by group name: their CPU time so far and how many there are
	 */
	static Map<String, Group> groups(long pid) {
		Map<String, Group> byName = new TreeMap<>();
		Path tasks = Path.of("/proc", String.valueOf(pid), "task");
		if (!Files.isDirectory(tasks)) {
			return byName;
		}
		try (Stream<Path> listing = Files.list(tasks)) {
			for (Path task : listing.toList()) {
				try {
					String name = Files.readString(task.resolve("comm")).strip().replaceAll("[#0-9]+$", "");
					byName.merge(name, new Group(ticks(Files.readString(task.resolve("stat"))) * 10, 1), Group::plus);
				}
				catch (NoSuchFileException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return new TreeMap<>();
		}
		return byName;
	}

	/**
	 * @return the CPU time of this JVM's JIT compiler threads so far, in milliseconds (0 where {@code /proc} is
	 * not there)
	 */
	static long compilerMillis() {
		return millisByGroup(ProcessHandle.current().pid()).entrySet()
			.stream()
			.filter((group) -> group.getKey().contains("CompilerThre"))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/**
	 * @param before an earlier reading
	 * @param after a later one
	 * @return what each group took in between (a group that appeared counts from zero)
	 */
	static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
		Map<String, Long> spent = new TreeMap<>();
		after.forEach((name, millis) -> {
			long delta = millis - before.getOrDefault(name, 0L);
			if (delta > 0) {
				spent.put(name, delta);
			}
		});
		return spent;
	}

	// utime + stime, fields 14 and 15 of .../stat (after the parenthesized name).
	private static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

}
