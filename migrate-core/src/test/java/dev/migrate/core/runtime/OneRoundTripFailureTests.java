package dev.migrate.core.runtime;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.runtime.PlannedStep.StepStatement;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failures inside the round trips a revision is sent in: PostgreSQL's step sent whole with its bookkeeping and
 * COMMIT, MariaDB's bookkeeping left for the next DDL to commit. Each must still name the failing statement and
 * leave the version table and history telling the truth.
 */
class OneRoundTripFailureTests {

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void aFailingStatementSentWithItsCommitIsNamedAndLeavesNothingOfItsRevision(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("a1", List.of(), "a1",
					"CREATE TABLE t_one (id INT)")), false);
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("b2", List.of("a1"),
						"b2", "CREATE TABLE t_two (id INT)", "INSERT INTO t_missing (id) VALUES (1)",
						"CREATE TABLE t_three (id INT)")), false))
				.withMessageStartingWith("Revision 'b2' (b2.sql:2) failed at statement 2 of 3 during upgrade: ")
				.withMessageContaining("t_missing")
				.satisfies((ex) -> {
					assertThat(ex.getStatementIndex()).isEqualTo(2);
					assertThat(ex.getLine()).isEqualTo(2);
					assertThat(ex.getVersionRows()).containsExactly("a1");
				});
			assertThat(fixture.dialect.tableExists(connection, null, "t_two")).isFalse();
			assertThat(fixture.dialect.tableExists(connection, null, "t_three")).isFalse();
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			List<HistoryRow> history = fixture.historyTable.read(connection, 0);
			assertThat(history).extracting(HistoryRow::revision).containsExactly("b2", "a1");
			assertThat(history.get(0).success()).isFalse();
			assertThat(history.get(0).failedStatement()).isEqualTo(2);
			assertThat(history.get(1).success()).isTrue();
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE, Engine.MARIADB })
	void aVersionRowChangedMeanwhileStopsTheRevisionBeforeItCommits(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("a1", List.of(), "a1",
					"CREATE TABLE t_one (id INT)")), false);
			// Planned from b2, but the table holds a1: on PostgreSQL the server refuses before the COMMIT that
			// was sent with the statement.
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("c3", List.of("b2"), "c3", "CREATE TABLE t_three (id INT)")), false))
				.withMessageStartingWith("Online migration expected to match one row when updating 'b2' to 'c3'");
			if (db.engine() != Engine.MARIADB) {
				assertThat(fixture.dialect.tableExists(connection, null, "t_three")).isFalse();
			}
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			List<HistoryRow> history = fixture.historyTable.read(connection, 0);
			assertThat(history).extracting(HistoryRow::revision).containsExactly("c3", "a1");
			assertThat(history.get(0).success()).isFalse();
		}
	}

	@EachEngine(Engine.MARIADB)
	void ddlThatFailsBeforeCommittingImplicitlyKeepsThePreviousRevisionDone(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			// b2's completion and c3's in-progress row wait for c3's DDL to commit them; a syntax error fails before
			// the server commits anything, so the runner commits them itself.
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE, List.of(
						step("a1", List.of(), "a1", "CREATE TABLE t_one (id INT)"),
						step("b2", List.of("a1"), "b2", "CREATE TABLE t_two (id INT)"),
						step("c3", List.of("b2"), "c3", "CREATE TABLE t_three (id INT")), false))
				.withMessageStartingWith("Revision 'c3' (c3.sql:1) failed at statement 1 of 1 during upgrade: ")
				.satisfies((ex) -> assertThat(ex.getVersionRows()).containsExactly("b2"));
			assertThat(fixture.versionTable.read(connection)).containsExactly("b2");
			List<HistoryRow> history = fixture.historyTable.read(connection, 0);
			assertThat(history).extracting(HistoryRow::revision).containsExactly("c3", "b2", "a1");
			assertThat(history.get(0).success()).isFalse();
			assertThat(history.get(0).failedStatement()).isEqualTo(1);
			assertThat(history.get(0).error()).isNotEqualTo(HistoryRow.IN_PROGRESS);
			assertThat(history.get(1).success()).isTrue();
			// Fixed, it runs: nothing of it had run.
			fixture.runner.run(connection, CommandKind.UPGRADE,
					List.of(step("c3", List.of("b2"), "c3", "CREATE TABLE t_three (id INT)")), false);
			assertThat(fixture.versionTable.read(connection)).containsExactly("c3");
			assertThat(fixture.dialect.tableExists(connection, null, "t_three")).isTrue();
		}
	}

	private static PlannedStep step(String id, List<String> before, String after, String... sql) {
		List<StepStatement> statements = new ArrayList<>();
		for (int i = 0; i < sql.length; i++) {
			statements.add(new StepStatement(sql[i], i + 1));
		}
		return new PlannedStep(id, id + " message", id + ".sql", Direction.UPGRADE, before, List.of(after), true,
				"sum-" + id, new PlannedStep.SqlBody(statements));
	}

}
