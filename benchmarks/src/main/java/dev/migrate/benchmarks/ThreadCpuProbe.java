package dev.migrate.benchmarks;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs another main class (such as the CLI's) and, when the JVM exits, prints the CPU time of each of its threads
 * still alive (the main thread, the JIT compiler, the collector, the VM thread), summed by name, from Linux's
 * {@code /proc/self/task}, and what the threads that ended before (such as the index check's) took: the process's
 * total minus theirs. Clock ticks of 10 ms, so compare medians of several runs.
 * {@code java [JVM options] -cp CLASSPATH dev.migrate.benchmarks.ThreadCpuProbe MAIN_CLASS ARGS...}; never part
 * of the build.
 */
public final class ThreadCpuProbe {

	private ThreadCpuProbe() {
	}

	/**
	 * @param args the main class, then its arguments
	 * @throws Exception if the main class fails
	 */
	public static void main(String[] args) throws Exception {
		Runtime.getRuntime().addShutdownHook(new Thread(ThreadCpuProbe::report, "thread-cpu-probe"));
		Method main = Class.forName(args[0]).getMethod("main", String[].class);
		main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
	}

	private static void report() {
		try {
			Map<String, Long> byName = new TreeMap<>();
			long threads = 0;
			try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
				for (Path task : tasks.toList()) {
					String name = Files.readString(task.resolve("comm")).strip().replaceAll("[#0-9]+$", "");
					long ticks = ticks(Files.readString(task.resolve("stat")));
					byName.merge(name, ticks, Long::sum);
					threads += ticks;
				}
			}
			long total = ticks(Files.readString(Path.of("/proc/self/stat")));
			StringBuilder line = new StringBuilder("THREAD-CPU-MS");
			byName.forEach((name, ticks) -> line.append(String.format(Locale.ROOT, " %s=%d", name.replace(' ', '_'),
					ticks * 10)));
			line.append(String.format(Locale.ROOT, " ended-threads=%d total=%d", (total - threads) * 10, total * 10));
			System.err.println(line);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("THREAD-CPU-MS unavailable: " + ex);
		}
	}

	// utime + stime, fields 14 and 15 of /proc/.../stat (after the parenthesized name).
	private static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

}
