package dev.migrate.benchmarks;

import java.util.List;

import dev.migrate.testsupport.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class SummaryTests {

	@Test
	void mediansIgnoreFailedRunsAndRatiosCompareWithRawJdbcAndTheFasterPeer() {
		Summary summary = new Summary(List.of(apply(Tool.RAW_JDBC, 100), apply(Tool.RAW_JDBC, 120),
				apply(Tool.RAW_JDBC, 500), apply(Tool.MIGRATE, 110), apply(Tool.MIGRATE, 130),
				new Measurement(Scenario.APPLY, Engine.SQLITE, 10, Tool.MIGRATE, 3, -1, 900, -1, "boom"),
				apply(Tool.FLYWAY, 400), apply(Tool.LIQUIBASE, 600)));
		assertThat(summary.median(Scenario.APPLY, Engine.SQLITE, 10, Tool.RAW_JDBC)).hasValue(120);
		assertThat(summary.median(Scenario.APPLY, Engine.SQLITE, 10, Tool.MIGRATE)).hasValue(120);
		assertThat(summary.successfulRuns(Scenario.APPLY, Engine.SQLITE, 10, Tool.MIGRATE)).isEqualTo(2);
		assertThat(summary.error(Scenario.APPLY, Engine.SQLITE, 10, Tool.MIGRATE)).isEqualTo("boom");
		assertThat(summary.bestPeer(Scenario.APPLY, Engine.SQLITE, 10)).hasValue(400);
		assertThat(Summary.ratio(summary.bestPeer(Scenario.APPLY, Engine.SQLITE, 10),
				summary.median(Scenario.APPLY, Engine.SQLITE, 10, Tool.MIGRATE)))
			.hasValueCloseTo(400.0 / 120, offset(1e-9));
	}

	@Test
	void rotationStartsEachRunAtTheNextTool() {
		List<String> tools = List.of("a", "b", "c");
		assertThat(Harness.rotate(tools, 1)).containsExactly("a", "b", "c");
		assertThat(Harness.rotate(tools, 2)).containsExactly("b", "c", "a");
		assertThat(Harness.rotate(tools, 4)).containsExactly("a", "b", "c");
	}

	@Test
	void csvFieldsWithACommaOrAQuoteAreQuoted() {
		assertThat(Report.csv(Tool.MIGRATE_ONE_TRANSACTION.displayName())).isEqualTo("\"migrate, one tx\"");
		assertThat(Report.csv("raw JDBC")).isEqualTo("raw JDBC");
		assertThat(Report.csv("table \"t\" missing\nat line 2")).isEqualTo("\"table \"\"t\"\" missing at line 2\"");
		Summary summary = new Summary(List.of(apply(Tool.MIGRATE_ONE_TRANSACTION, 50)));
		String csv = new Report(summary, "", List.of(), java.util.Map.of(), java.util.Map.of(),
				Options.parse(new String[0])).measurementsCsv();
		assertThat(csv.lines().skip(1)).containsExactly("apply,SQLite,10,\"migrate, one tx\",1,50.0,150.0,3000,");
	}

	private static Measurement apply(Tool tool, double millis) {
		return new Measurement(Scenario.APPLY, Engine.SQLITE, 10, tool, 1, millis, millis + 100, 3000, null);
	}

}
