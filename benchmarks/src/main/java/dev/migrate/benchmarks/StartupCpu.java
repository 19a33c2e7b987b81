package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * An {@link ApplicationStartup} that charges the main thread's CPU time to the innermost step running (Spring's
 * steps: a bean's instantiation by name, a post-processor, configuration class parsing...), so that what one
 * bean costs excludes the beans it pulled in. Wall-time recorders such as Spring's buffering one mislead on a
 * shared machine; thread CPU does much less. Other threads (the JIT, the collector, a pool's filler, a tool's own
 * threads) are not charged here: {@link #print()} adds the process's threads as {@code /proc} reports them.
 */
final class StartupCpu implements ApplicationStartup {

	static final String PROPERTY = "bench.steps";

	static final String STEP = "BENCH-STEP ";

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Thread main = Thread.currentThread();

	private final Deque<Step> running = new ArrayDeque<>();

	// Step (with its bean or post-processor) -> {CPU nanoseconds, count}.
	private final Map<String, long[]> charged = new HashMap<>();

	@Override
	public StartupStep start(String name) {
		if (Thread.currentThread() != this.main) {
			return new Step(null, name);
		}
		long now = THREADS.getCurrentThreadCpuTime();
		Step parent = this.running.peek();
		if (parent != null) {
			parent.cpu += now - parent.since;
		}
		Step step = new Step(this, name);
		step.since = now;
		this.running.push(step);
		return step;
	}

	private void end(Step step) {
		if (this.running.peek() != step) {
			return;
		}
		long now = THREADS.getCurrentThreadCpuTime();
		this.running.pop();
		step.cpu += now - step.since;
		long[] total = this.charged.computeIfAbsent(step.key(), (key) -> new long[2]);
		total[0] += step.cpu;
		total[1]++;
		Step parent = this.running.peek();
		if (parent != null) {
			parent.since = now;
		}
	}

	/**
	 * Prints one {@code BENCH-STEP <microseconds> <count> <step>} line per step, most expensive first, then the
	 * main thread's CPU so far and each live thread's (by name, from {@code /proc/self/task}).
	 */
	void print() {
		List<Map.Entry<String, long[]>> steps = new ArrayList<>(this.charged.entrySet());
		steps.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
		for (Map.Entry<String, long[]> entry : steps) {
			System.out.println(STEP + entry.getValue()[0] / 1000 + " " + entry.getValue()[1] + " " + entry.getKey());
		}
		System.out.println(STEP + THREADS.getCurrentThreadCpuTime() / 1000 + " 1 #main thread in all");
		// one line per thread name, numbered names (GC Thread#0, #1...) summed: <microseconds> <threads> #thread <name>
		ProcessThreadCpu.groups(ProcessHandle.current().pid())
			.forEach((name, group) -> System.out.println(STEP + group.millis() * 1000 + " " + group.threads()
					+ " #thread " + name));
	}

	private static final class Step implements StartupStep {

		private final StartupCpu owner;

		private final String name;

		private String subject;

		private long since;

		private long cpu;

		Step(StartupCpu owner, String name) {
			this.owner = owner;
			this.name = name;
		}

		String key() {
			return (this.subject != null) ? this.name + " " + this.subject : this.name;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public long getId() {
			return 0;
		}

		@Override
		public Long getParentId() {
			return null;
		}

		@Override
		public StartupStep tag(String key, String value) {
			if (key.equals("beanName") || key.equals("postProcessor")) {
				// A post-processor's toString ends with its identity hash: drop it, so runs add up.
				this.subject = key + "=" + value.replaceAll("@[0-9a-f]+$", "");
			}
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			return tag(key, value.get());
		}

		@Override
		public Tags getTags() {
			return Collections::emptyIterator;
		}

		@Override
		public void end() {
			if (this.owner != null) {
				this.owner.end(this);
			}
		}

	}

}
