package dev.migrate.benchmarks;

import java.util.List;
import java.util.Map;

import dev.migrate.benchmarks.Jmh.Score;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.SqlSyntax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JmhReportTests {

	@Test
	void splitterScoresBecomeMegabytesPerSecondWithTheOverallRateAndTheTarget() {
		List<Score> scores = List.of(split(SqlSyntax.POSTGRESQL, 10, 0.5), split(SqlSyntax.SQLITE, 2.5, Double.NaN));
		Map<SqlSyntax, SplitterBenchmark.Input> inputs = Map.of(SqlSyntax.POSTGRESQL,
				new SplitterBenchmark.Input(10_000_000, 93_170), SqlSyntax.SQLITE,
				new SplitterBenchmark.Input(20_000_000, 87_138));
		List<String> lines = SplitterBenchmark.report(scores, inputs);
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("benchmark").contains("score", "unit", "target", "met");
		// 10 ops/s of 10 MB; 2.5 ops/s of 20 MB; together 30 MB in 0.1 + 0.4 s
		assertThat(lines.get(1).split("\\s{2,}")).containsExactly("split", "postgresql, 10.0 MB, 93,170 statements",
				"100", "5.00", "MB/s", ">= 50.0", "yes");
		assertThat(lines.get(2).split("\\s{2,}")).containsExactly("split", "sqlite, 20.0 MB, 87,138 statements", "50.0",
				"MB/s", ">= 50.0", "yes");
		assertThat(lines.get(3).split("\\s{2,}")).containsExactly("split", "all", "60.0", "MB/s", ">= 50.0", "yes");
	}

	@Test
	void graphScoresAreCheckedAgainstTheTargetsAndTheirGrowth() {
		List<Score> scores = List.of(graph("buildAndPlan", "linear", 10_000, 10), graph("buildAndPlan", "linear",
				100_000, 600), graph("planDowngrade", "linear", 10_000, 2), graph("planDowngrade", "linear", 100_000, 30));
		List<String> lines = GraphBenchmark.report(scores, Map.of("linear 10000", 1, "linear 100000", 1));
		assertThat(lines.get(1).split("\\s{2,}")).containsExactly("build + plan base->heads",
				"linear, 10,000 revisions, 1 head", "10.0", "1.00", "ms/op", "< 50.0", "yes");
		assertThat(lines.get(2).split("\\s{2,}")).containsExactly("build + plan base->heads",
				"linear, 100,000 revisions, 1 head", "600", "1.00", "ms/op", "< 500", "no");
		assertThat(lines.get(3).split("\\s{2,}")).containsExactly("plan heads->base",
				"linear, 10,000 revisions, 1 head", "2.00", "1.00", "ms/op", "-");
		assertThat(lines).contains(
				"growth build + plan base->heads, linear, 10,000 -> 100,000 revisions (x10): time x60.0, "
						+ "NOT linear (over x20.0)",
				"growth plan heads->base, linear, 10,000 -> 100,000 revisions (x10): time x15.0, about linear");
	}

	@Test
	void graphRevisionsHaveTheRequestedSizeAndBranch() {
		assertThat(GraphBenchmark.revisions("linear", 100)).hasSize(100);
		assertThat(RevisionGraph.of(GraphBenchmark.revisions("branched", 1000)).heads().size())
			.isGreaterThan(1);
	}

	private static Score split(SqlSyntax syntax, double opsPerSecond, double error) {
		return new Score("split", Map.of("syntax", syntax.name()), opsPerSecond, error, "ops/s");
	}

	private static Score graph(String method, String shape, int size, double millis) {
		return new Score(method, Map.of("shape", shape, "size", String.valueOf(size)), millis, 1, "ms/op");
	}

}
