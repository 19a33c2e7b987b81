package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.LocationFingerprint;
import dev.migrate.core.script.ScriptDirectory;

/**
 * What loading the scripts costs a cold JVM, as the script loader thread of an upgrade does it beside the
 * connection: the location's fingerprint (one {@code stat} per file, kept to notice a later change), reading,
 * checksumming and parsing every script, and the revision graph; each part's CPU on this thread, then the
 * process's CPU over the same span (the JIT compiler threads' work on that code included).
 * {@code java [JVM options] -cp CLASSPATH dev.migrate.benchmarks.ScriptLoadProbe LOCATION}; never part of the build.
 */
public final class ScriptLoadProbe {

	private ScriptLoadProbe() {
	}

	/**
	 * @param args the location, as configured ({@code filesystem:DIR})
	 */
	public static void main(String[] args) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<String> locations = List.of(args[0]);
		ClassLoader classLoader = ScriptLoadProbe.class.getClassLoader();
		long process = processCpu();
		long start = threads.getCurrentThreadCpuTime();
		LocationFingerprint.of(locations, classLoader);
		long fingerprinted = threads.getCurrentThreadCpuTime();
		ScriptDirectory directory = ScriptDirectory.load(locations, classLoader, List.of(), true);
		long loaded = threads.getCurrentThreadCpuTime();
		RevisionGraph.of(directory.revisions());
		long graphed = threads.getCurrentThreadCpuTime();
		process = processCpu() - process;
		System.out.printf(Locale.ROOT,
				"%d scripts: fingerprint %.0f ms, read, checksum and parse %.0f ms, graph %.0f ms of this thread's CPU;"
						+ " the process %.0f ms of CPU over the same span; JIT %d ms%n",
				directory.scripts().size(), (fingerprinted - start) / 1e6, (loaded - fingerprinted) / 1e6,
				(graphed - loaded) / 1e6, process / 1e6, ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
