package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What a child JVM's figure measures: wall time from {@code main} by default, or with {@code -Dbench.clock=cpu}
 * the process's CPU time (every thread: the tool's, the JIT's and the collector's) over the same span, which is
 * what other load on a shared machine distorts least.
 */
final class Clock {

	static final String PROPERTY = "bench.clock";

	private final boolean cpu;

	private final long start;

	private Clock(boolean cpu) {
		this.cpu = cpu;
		this.start = cpu ? cpuNanos() : System.nanoTime();
	}

	static Clock start() {
		return new Clock("cpu".equals(System.getProperty(PROPERTY)));
	}

	long elapsedNanos() {
		return (this.cpu ? cpuNanos() : System.nanoTime()) - this.start;
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
