package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Step;

/**
 * Times the revision graph on its own: building (and validating) a {@link RevisionGraph} and planning
 * {@code base -> heads}, for 10,000 and 100,000 revisions, linear and heavily branched (branch points, merges and
 * depends-on). Prints the median of several runs after warm-up, as wall-clock time and, for build + plan, as the
 * measuring thread's CPU time (which a busy machine inflates less). No database, no files.
 * <p>
 * Run: {@code ./mvnw -B -q -o -pl benchmarks -am compile && java -cp
 * migrate-core/target/classes:benchmarks/target/classes dev.migrate.benchmarks.GraphBenchmark} (optional arguments:
 * the number of timed runs, then the sizes, e.g. {@code 15 10000 100000}; {@code quick} for 3 runs, as
 * {@code benchmarks/run.sh quick} passes).
 */
public final class GraphBenchmark {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private GraphBenchmark() {
	}

	/**
	 * @param args optional: number of timed runs, then the sizes
	 */
	public static void main(String[] args) {
		boolean quick = args.length > 0 && "quick".equals(args[0]);
		int runs = quick ? 3 : (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		int[] sizes = (!quick && args.length > 1) ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
				: new int[] { 10_000, 100_000 };
		System.out.printf("Revision graph benchmark: median of %d runs after %d warm-up runs, Java %s, %d CPUs%n%n", runs,
				Math.max(3, runs / 2), Runtime.version(), Runtime.getRuntime().availableProcessors());
		System.out.println("| graph | revisions | heads | build (ms) | plan base->heads (ms) | build + plan (ms) | "
				+ "build + plan, thread CPU (ms) | plan heads->base (ms) |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
		for (int size : sizes) {
			measure("linear", linear(size), runs);
			measure("branched", branched(size, new SplittableRandom(size)), runs);
		}
	}

	private static void measure(String shape, List<Revision> revisions, int runs) {
		int warmups = Math.max(3, runs / 2);
		long[] build = new long[runs];
		long[] up = new long[runs];
		long[] down = new long[runs];
		long[] cpu = new long[runs];
		int heads = 0;
		for (int run = -warmups; run < runs; run++) {
			long c0 = THREADS.getCurrentThreadCpuTime();
			long t0 = System.nanoTime();
			RevisionGraph graph = RevisionGraph.of(revisions);
			long t1 = System.nanoTime();
			List<Step> upgrade = graph.plan(List.of(), "heads", Direction.UPGRADE);
			long t2 = System.nanoTime();
			long c2 = THREADS.getCurrentThreadCpuTime();
			Set<String> rows = upgrade.get(upgrade.size() - 1).rowsAfter();
			List<Step> downgrade = graph.plan(rows, "base", Direction.DOWNGRADE);
			long t3 = System.nanoTime();
			if (upgrade.size() != revisions.size() || downgrade.size() != revisions.size()) {
				throw new IllegalStateException("plan does not cover the graph");
			}
			heads = rows.size();
			if (run >= 0) {
				build[run] = t1 - t0;
				up[run] = t2 - t1;
				down[run] = t3 - t2;
				cpu[run] = c2 - c0;
			}
		}
		long[] total = new long[runs];
		for (int k = 0; k < runs; k++) {
			total[k] = build[k] + up[k];
		}
		System.out.printf("| %s | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", shape, revisions.size(), heads,
				median(build), median(up), median(total), median(cpu), median(down));
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1_000_000.0;
	}

	private static List<Revision> linear(int size) {
		List<Revision> revisions = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			revisions.add(revision(i, (i == 0) ? List.of() : List.of(id(i - 1)), List.of()));
		}
		return revisions;
	}

	// each new revision extends an open branch (65%), starts a branch from any earlier revision (20%), or merges
	// two open branches (15%); one in twenty also depends on an earlier revision
	private static List<Revision> branched(int size, SplittableRandom random) {
		List<Revision> revisions = new ArrayList<>(size);
		List<Integer> tips = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			List<String> parents;
			double roll = random.nextDouble();
			if (i == 0) {
				parents = List.of();
				tips.add(i);
			}
			else if (roll < 0.15 && tips.size() > 1) {
				int a = tips.remove(random.nextInt(tips.size()));
				int b = tips.remove(random.nextInt(tips.size()));
				parents = List.of(id(a), id(b));
				tips.add(i);
			}
			else if (roll < 0.35) {
				parents = List.of(id(random.nextInt(i)));
				tips.add(i);
			}
			else {
				int k = random.nextInt(tips.size());
				parents = List.of(id(tips.get(k)));
				tips.set(k, i);
			}
			List<String> dependsOn = List.of();
			if (i > 1 && random.nextInt(20) == 0) {
				String dependency = id(random.nextInt(i));
				if (!parents.contains(dependency)) {
					dependsOn = List.of(dependency);
				}
			}
			revisions.add(revision(i, parents, dependsOn));
		}
		return revisions;
	}

	private static Revision revision(int i, List<String> revises, List<String> dependsOn) {
		return new Revision(id(i), revises, Set.of(), dependsOn, "revision " + i, null, "db/" + id(i) + ".sql");
	}

	// 12 hex digits that do not sort in creation order, like real revision ids
	private static String id(int i) {
		long mixed = (i * 0x9E3779B97F4A7C15L) >>> 16;
		return String.format("%012x", mixed & 0xFFFF_FFFF_FFFFL);
	}

}
