package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks in a child's timed span, with {@code -Dbench.phases=true}: the wall time, the process's CPU time (every
 * thread, JIT and collector included) and the main thread's CPU time at each mark, printed as one
 * {@code BENCH-PHASES} line, so that a tool's fixed start (before its first revision) and its cost per revision
 * can be told apart. Off by default: a mark then costs one field read.
 */
final class Phases {

	static final String PHASES = "BENCH-PHASES ";

	static final String PROPERTY = "bench.phases";

	private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

	private static final List<String> marks = new ArrayList<>();

	private static long wallStart;

	private static long cpuStart;

	private static long mainStart;

	private Phases() {
	}

	static void start() {
		if (ENABLED) {
			wallStart = System.nanoTime();
			cpuStart = processCpu();
			mainStart = threads().getCurrentThreadCpuTime();
		}
	}

	/**
	 * Marks a point, on the main thread.
	 * @param name what was reached
	 */
	static void mark(String name) {
		if (ENABLED) {
			marks.add(String.format(Locale.ROOT, "%s=%d/%d/%d/%d", name, (System.nanoTime() - wallStart) / 1_000_000,
					(processCpu() - cpuStart) / 1_000_000,
					(threads().getCurrentThreadCpuTime() - mainStart) / 1_000_000, ProcessThreadCpu.compilerMillis()));
		}
	}

	/**
	 * Marks a loop's revision {@code i} (from 1) about to start: the first, and every 100th done.
	 * @param i the revision
	 */
	static void step(int i) {
		if (i == 1) {
			mark("first");
		}
		else if ((i - 1) % 100 == 0) {
			mark("r" + (i - 1));
		}
	}

	static void print() {
		if (ENABLED) {
			System.out.println(PHASES + "(wall/process CPU/main thread CPU/JIT compiler threads' CPU since the JVM"
					+ " started, ms) " + String.join(" ", marks));
		}
	}

	private static ThreadMXBean threads() {
		return ManagementFactory.getThreadMXBean();
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
