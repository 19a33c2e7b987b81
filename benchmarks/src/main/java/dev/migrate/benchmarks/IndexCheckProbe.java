package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.script.ScriptIndex;

/**
 * What the up-to-date check's index thread costs a cold JVM for one location: {@code ScriptIndex.find} (read and
 * parse the index, list the location, one {@code stat} per script in a directory or the jar's central directory),
 * its thread's CPU and wall time, then the JVM's compilation and collection totals.
 * {@code java [JVM options] -cp CLASSPATH dev.migrate.benchmarks.IndexCheckProbe LOCATION}; never part of the build.
 */
public final class IndexCheckProbe {

	private IndexCheckProbe() {
	}

	/**
	 * @param args the location, as configured ({@code filesystem:DIR})
	 */
	public static void main(String[] args) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu = threads.getCurrentThreadCpuTime();
		long wall = System.nanoTime();
		boolean usable = ScriptIndex.find(List.of(args[0]), IndexCheckProbe.class.getClassLoader()).isPresent();
		cpu = threads.getCurrentThreadCpuTime() - cpu;
		wall = System.nanoTime() - wall;
		long gcCount = 0;
		long gcMillis = 0;
		for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			gcCount += Math.max(0, collector.getCollectionCount());
			gcMillis += Math.max(0, collector.getCollectionTime());
		}
		System.out.printf(Locale.ROOT, "index %s: find %.1f ms CPU, %.1f ms wall; JIT %d ms; %d collections, %d ms%n",
				usable ? "usable" : "NOT usable", cpu / 1e6, wall / 1e6,
				ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gcCount, gcMillis);
	}

}
