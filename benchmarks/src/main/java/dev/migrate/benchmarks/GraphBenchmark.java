package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.migrate.benchmarks.Jmh.Row;
import dev.migrate.benchmarks.Jmh.Score;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Step;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * JMH benchmark of the revision graph on its own, in milliseconds per operation: building (and validating) a
 * {@link RevisionGraph} and planning {@code base -> heads}, and planning {@code heads -> base} on a built graph,
 * for 10,000 and 100,000 revisions, linear and heavily branched (branch points, merges and depends-on). No
 * database, no files. {@link #main} runs it (1 fork, 3 warm-up and 5 measurement iterations of 1 s; {@code quick}:
 * 2 and 3) and prints the scores against the targets (build + plan under 5 µs per revision: 50 ms for 10,000, 500
 * ms for 100,000) and whether the time grows about linearly with the number of revisions.
 *
 * <pre>
 * ./mvnw -B -q -o -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=$PWD/benchmarks/target/classpath.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dev.migrate.benchmarks.GraphBenchmark
 * </pre>
 *
 * JMH's own runner works too, with its usual options and output, e.g.
 * {@code java -cp ... org.openjdk.jmh.Main GraphBenchmark -p size=1000,10000,100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = Jmh.WARMUP, time = 1)
@Measurement(iterations = Jmh.MEASUREMENT, time = 1)
public class GraphBenchmark {

	/** Build + plan may take this long per revision: 50 ms for 10,000, 500 ms for 100,000. */
	static final double TARGET_MILLIS_PER_REVISION = 0.005;

	/** Growing by a factor k may cost at most this much more than k times the time, and still count as linear. */
	static final double LINEAR_SLACK = 2;

	private static final String BUILD_AND_PLAN = "buildAndPlan";

	/** The number of revisions. */
	@Param({ "10000", "100000" })
	public int size;

	/** {@code linear} or {@code branched}. */
	@Param({ "linear", "branched" })
	public String shape;

	private List<Revision> revisions;

	private RevisionGraph graph;

	private Set<String> heads;

	/**
	 * Generates the revisions, builds the graph once for {@link #planDowngrade()} and checks that the plans cover
	 * it.
	 */
	@Setup(Level.Trial)
	public void generate() {
		this.revisions = revisions(this.shape, this.size);
		this.graph = RevisionGraph.of(this.revisions);
		List<Step> upgrade = this.graph.plan(List.of(), "heads", Direction.UPGRADE);
		this.heads = upgrade.get(upgrade.size() - 1).rowsAfter();
		if (upgrade.size() != this.size || planDowngrade().size() != this.size) {
			throw new IllegalStateException("plan does not cover the graph");
		}
	}

	/**
	 * @return the upgrade plan of a freshly built graph
	 */
	@Benchmark
	public List<Step> buildAndPlan() {
		return RevisionGraph.of(this.revisions).plan(List.of(), "heads", Direction.UPGRADE);
	}

	/**
	 * @return the downgrade plan from every head to base
	 */
	@Benchmark
	public List<Step> planDowngrade() {
		return this.graph.plan(this.heads, "base", Direction.DOWNGRADE);
	}

	/**
	 * Runs the benchmark and prints the scores, targets and growth.
	 * @param args {@code quick} for fewer iterations
	 * @throws RunnerException if JMH or the graph fails
	 */
	public static void main(String[] args) throws RunnerException {
		List<Score> scores = Jmh.run(GraphBenchmark.class, args);
		Map<String, Integer> heads = new TreeMap<>();
		for (Score score : scores) {
			heads.computeIfAbsent(graphName(score), (name) -> {
				int size = Integer.parseInt(score.param("size"));
				return RevisionGraph.of(revisions(score.param("shape"), size)).heads().size();
			});
		}
		report(scores, heads).forEach(System.out::println);
	}

	/**
	 * Lays the scores out with their targets and adds, per benchmark and shape, how the time grows from one size
	 * to the next.
	 * @param scores JMH's scores in ms/op
	 * @param heads the number of heads per graph (shape and size)
	 * @return the table and the growth lines
	 */
	static List<String> report(List<Score> scores, Map<String, Integer> heads) {
		List<Row> rows = new ArrayList<>();
		Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
		for (Score score : scores) {
			int size = Integer.parseInt(score.param("size"));
			int headCount = heads.get(graphName(score));
			String params = String.format(Locale.ROOT, "%s, %,d revisions, %,d head%s", score.param("shape"), size,
					headCount, (headCount == 1) ? "" : "s");
			if (score.method().equals(BUILD_AND_PLAN)) {
				double target = size * TARGET_MILLIS_PER_REVISION;
				rows.add(new Row(label(score.method()), params, score.score(), score.error(), score.unit(),
						"< " + Jmh.number(target), (score.score() < target) ? "yes" : "no"));
			}
			else {
				rows.add(new Row(label(score.method()), params, score.score(), score.error(), score.unit(), "-", ""));
			}
			series.computeIfAbsent(label(score.method()) + ", " + score.param("shape"), (key) -> new TreeMap<>())
				.put(size, score.score());
		}
		List<String> lines = new ArrayList<>(Jmh.table(rows));
		lines.add("");
		for (Map.Entry<String, Map<Integer, Double>> entry : series.entrySet()) {
			List<Map.Entry<Integer, Double>> points = new ArrayList<>(entry.getValue().entrySet());
			for (int i = 1; i < points.size(); i++) {
				Map.Entry<Integer, Double> from = points.get(i - 1);
				Map.Entry<Integer, Double> to = points.get(i);
				double sizes = (double) to.getKey() / from.getKey();
				double time = to.getValue() / from.getValue();
				lines.add(String.format(Locale.ROOT, "growth %s, %,d -> %,d revisions (x%.0f): time x%.1f, %s",
						entry.getKey(), from.getKey(), to.getKey(), sizes, time,
						(time <= sizes * LINEAR_SLACK) ? "about linear" : "NOT linear (over x" + Jmh.number(sizes
								* LINEAR_SLACK) + ")"));
			}
		}
		return lines;
	}

	private static String label(String method) {
		return method.equals(BUILD_AND_PLAN) ? "build + plan base->heads" : "plan heads->base";
	}

	private static String graphName(Score score) {
		return score.param("shape") + " " + score.param("size");
	}

	static List<Revision> revisions(String shape, int size) {
		return switch (shape) {
			case "linear" -> linear(size);
			case "branched" -> branched(size, new SplittableRandom(size));
			default -> throw new IllegalArgumentException("Unknown shape '" + shape + "'; use linear or branched");
		};
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
