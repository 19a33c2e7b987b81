package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of each live thread of this JVM by name, JIT compiler and collector threads included, as Linux
 * reports it in {@code /proc/self/task/<tid>/stat} (in clock ticks of 10 ms). Threads that ended are not listed;
 * their time is in the process's total only.
 */
final class ThreadTicks {

	private ThreadTicks() {
	}

	/**
	 * Prints one {@code <prefix><milliseconds> <threads> #thread <name>} line per thread name (numbered names,
	 * such as {@code GC Thread#1}, summed), nothing where {@code /proc} is not there.
	 * @param prefix the line's prefix
	 */
	static void print(String prefix) {
		Map<String, long[]> byName = new TreeMap<>();
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				String stat = Files.readString(task.resolve("stat"));
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("#?[0-9]+$", "#");
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				long[] total = byName.computeIfAbsent(name, (key) -> new long[2]);
				total[0] += ticks * 10;
				total[1]++;
			}
		}
		catch (IOException | RuntimeException ex) {
			return;
		}
		byName.forEach((name, total) -> System.out.println(prefix + total[0] * 1000 + " " + total[1] + " #thread " + name));
	}

}
