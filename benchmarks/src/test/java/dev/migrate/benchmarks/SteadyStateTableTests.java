package dev.migrate.benchmarks;

import java.util.List;

import dev.migrate.testsupport.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

class SteadyStateTableTests {

	@Test
	void ratioIsTheLargestSizesMedianOverTheSmallests() {
		SteadyStateTable table = new SteadyStateTable();
		table.add(Engine.SQLITE, "/actuator/health", 10, 1000, 15, -1);
		table.add(Engine.SQLITE, "/actuator/health", 10, 3000, 15, -1);
		table.add(Engine.SQLITE, "/actuator/health", 10, 2000, 15, -1);
		table.add(Engine.SQLITE, "/actuator/health", 10_000, 1500, 15, -1);
		table.add(Engine.SQLITE, "/actuator/health", 10_000, 500, 15, -1);
		assertThat(table.median(Engine.SQLITE, "/actuator/health", 10)).hasValue(2000);
		assertThat(table.median(Engine.SQLITE, "/actuator/health", 10_000)).hasValue(1000);
		assertThat(table.ratio(Engine.SQLITE, "/actuator/health")).hasValueCloseTo(0.5, offset(1e-9));
		assertThat(table.median(Engine.POSTGRESQL, "/actuator/health", 10)).isEmpty();
	}

	@Test
	void pairedRatioIsTheMedianOfEachRunsRatio() {
		SteadyStateTable table = new SteadyStateTable();
		for (double[] run : new double[][] { { 1000, 900 }, { 400, 400 }, { 2000, 1000 } }) {
			table.add(Engine.SQLITE, "/actuator/health", 10, run[0], 15, -1);
			table.add(Engine.SQLITE, "/actuator/health", 10_000, run[1], 15, -1);
		}
		// Each run: 0.9, 1.0, 0.5; the medians' ratio would be 900 / 1000.
		assertThat(table.pairedRatio(Engine.SQLITE, "/actuator/health")).hasValueCloseTo(0.9, offset(1e-9));
		assertThat(table.ratio(Engine.SQLITE, "/actuator/health")).hasValueCloseTo(0.9, offset(1e-9));
		assertThat(table.pairedRatio(Engine.POSTGRESQL, "/actuator/health")).isEmpty();
	}

	@Test
	void markdownHasOneRowPerEngineAndEndpointWithTheRatioLast() {
		SteadyStateTable table = new SteadyStateTable();
		table.add(Engine.SQLITE, "/actuator/health", 10, 4000, 15, 400);
		table.add(Engine.SQLITE, "/actuator/migrations", 10, 3000, 2_000, 500);
		table.add(Engine.SQLITE, "/actuator/health", 10_000, 4000, 15, 400);
		table.add(Engine.SQLITE, "/actuator/migrations", 10_000, 30, 3_000_000, -1);
		assertThat(table.toMarkdown()).isEqualTo("""
				| Engine | Endpoint | N=10 req/s (body) | N=10,000 req/s (body) | 10,000 ÷ 10 | same run, median | N=10 CPU µs/answer | N=10,000 CPU µs/answer | CPU 10 ÷ 10,000 |
				|---|---|---:|---:|---:|---:|---:|---:|---:|
				| SQLite | `/actuator/health` | 4,000 (15 B) | 4,000 (15 B) | 1.00 | 1.00 | 400 | 400 | 1.00 |
				| SQLite | `/actuator/migrations` | 3,000 (2000 B) | 30 (2,930 KB) | 0.01 | 0.01 | 500 | - | - |
				""");
	}

	@Test
	void settingsParseTheRunShOptions() {
		SteadyStateBenchmark.Settings settings = SteadyStateBenchmark.Settings
			.parse("only=steady engines=sqlite runs=2 seconds=5 warmup=3 threads=8 sizes=10000,10 profile");
		assertThat(settings.engines()).containsExactly(Engine.SQLITE);
		assertThat(settings.sizes()).containsExactly(10, 10_000);
		assertThat(settings).extracting("runs", "seconds", "warmUpSeconds", "threads", "profile")
			.containsExactly(2, 5, 3, 8, true);
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady").sizes()).containsExactly(10, 10_000);
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady").settleSeconds()).isEqualTo(60);
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady settle=0").settleSeconds()).isZero();
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady probe").probe()).isTrue();
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady").probe()).isFalse();
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady perf hold=30")).extracting("perf", "holdSeconds")
			.containsExactly(true, 30);
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady")).extracting("perf", "holdSeconds")
			.containsExactly(false, 0);
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady").jar()).isTrue();
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady location=filesystem").jar()).isFalse();
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady").endpoints())
			.isEqualTo(SteadyStateBenchmark.ENDPOINTS);
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady endpoints=page10,health").endpoints())
			.containsExactly("/actuator/migrations?size=10", "/actuator/health");
		assertThat(SteadyStateBenchmark.Settings.parse("only=steady endpoints=same10").endpoints())
			.containsExactly("/actuator/migrations?size=10&history=10");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SteadyStateBenchmark.Settings.parse("only=steady endpoints=metrics"))
			.withMessageContaining("metrics");
		assertThatIllegalArgumentException().isThrownBy(() -> SteadyStateBenchmark.Settings.parse("only=steady bogus=1"))
			.withMessageContaining("bogus=1");
	}

	@Test
	void answerSizesReadAsBytesKilobytesOrMegabytes() {
		assertThat(List.of(SteadyStateTable.humanBytes(999), SteadyStateTable.humanBytes(2_000_000),
				SteadyStateTable.humanBytes(20_000_000))).containsExactly("999 B", "1,953 KB", "19.1 MB");
	}

}
