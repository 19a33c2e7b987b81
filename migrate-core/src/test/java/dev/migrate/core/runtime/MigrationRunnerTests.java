package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.runtime.PlannedStep.StepStatement;
import dev.migrate.core.script.JavaMigration;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationRunnerTests {

	@EachEngine
	void runsStepsAndRecordsVersionRowsAndHistory(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			List<AppliedRevision> applied = fixture.runner.run(connection, CommandKind.UPGRADE,
					List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)"),
							step("b2", List.of("a1"), List.of("b2"), "CREATE TABLE t_two (id INT)",
									"INSERT INTO t_two (id) VALUES (2)")),
					false);
			assertThat(applied).extracting(AppliedRevision::revision).containsExactly("a1", "b2");
			assertThat(fixture.versionTable.read(connection)).containsExactly("b2");
			assertThat(count(connection, "t_two")).isEqualTo(1);
			List<HistoryRow> history = fixture.historyTable.read(connection, 0);
			assertThat(history).extracting(HistoryRow::revision).containsExactly("b2", "a1");
			assertThat(history.get(0).versionBefore()).containsExactly("a1");
			assertThat(history.get(0).versionAfter()).containsExactly("b2");
			assertThat(history.get(0).success()).isTrue();
			assertThat(history.get(0).installedBy()).isEqualTo("tester@host");
			assertThat(history.get(0).startedAt()).isNotNull();
			fixture.runner.run(connection, CommandKind.DOWNGRADE,
					List.of(new PlannedStep("b2", "b2 message", "b2.sql", Direction.DOWNGRADE, List.of("b2"),
							List.of("a1"), true, "sum",
							new PlannedStep.SqlBody(List.of(new StepStatement("DROP TABLE t_two", 9))))),
					false);
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			assertThat(fixture.historyTable.read(connection, 1)).singleElement()
				.satisfies((row) -> assertThat(row.direction().verb()).isEqualTo("downgrade"));
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE, Engine.SQLSERVER })
	void failingStatementLeavesNothingOfItsRevisionOnTransactionalEngines(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			fixture.runner.run(connection, CommandKind.UPGRADE,
					List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)")), false);
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("b2", List.of("a1"),
						List.of("b2"), "CREATE TABLE t_two (id INT)", "INSERT INTO t_missing (id) VALUES (1)")), false))
				.withMessageStartingWith("Revision 'b2' (b2.sql:2) failed at statement 2 of 2 during upgrade: ")
				.withMessageContaining("t_missing")
				.withMessageContaining("nothing of 'b2' was applied")
				.withMessageContaining("The version table holds [a1]")
				.satisfies((ex) -> {
					assertThat(ex.getStatementIndex()).isEqualTo(2);
					assertThat(ex.getLine()).isEqualTo(2);
					assertThat(ex.getVersionRows()).containsExactly("a1");
					assertThat(ex.getStatementsApplied()).isZero();
				});
			assertThat(fixture.dialect.tableExists(connection, null, "t_two")).isFalse();
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			HistoryRow failed = fixture.historyTable.read(connection, 1).get(0);
			assertThat(failed.revision()).isEqualTo("b2");
			assertThat(failed.success()).isFalse();
			assertThat(failed.failedStatement()).isEqualTo(2);
			assertThat(failed.error()).contains("t_missing");
			assertThat(failed.versionAfter()).containsExactly("a1");
		}
	}

	@EachEngine({ Engine.MARIADB, Engine.MYSQL, Engine.H2 })
	void resumesAfterTheLastCommittedStatementWhenTheyAreUnchanged(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("a1", List.of(), List.of("a1"),
						"CREATE TABLE t_one (id INT)", "INSERT INTO t_one (id) VALUES (1)",
						"INSERT INTO t_missing (id) VALUES (1)", "CREATE TABLE t_three (id INT)")), false))
				.withMessageContaining("Statement 1 of 'a1' was applied and stays applied")
				.withMessageContaining("; statement 2 changed only data and was rolled back with it;")
				.withMessageContaining("Fix statement 3 and leave the statements before it unchanged")
				.withMessageContaining("it resumes at statement 2")
				.satisfies((ex) -> assertThat(ex.getStatementsApplied()).isEqualTo(1));
			assertThat(fixture.versionTable.read(connection)).isEmpty();
			assertThat(fixture.historyTable.read(connection, 1).get(0).statementsDone()).isEqualTo(1);
			assertThat(count(connection, "t_one")).isZero();
			// The user fixes statement 3; statements 1 and 2 must not run again (t_one would get a second row).
			fixture.runner.run(connection, CommandKind.UPGRADE,
					List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)",
							"INSERT INTO t_one (id) VALUES (1)", "CREATE TABLE t_missing (id INT)",
							"CREATE TABLE t_three (id INT)")),
					false);
			assertThat(count(connection, "t_one")).isEqualTo(1);
			assertThat(count(connection, "t_three")).isZero();
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			HistoryRow last = fixture.historyTable.read(connection, 1).get(0);
			assertThat(last.success()).isTrue();
			assertThat(last.statementsDone()).isEqualTo(4);
		}
	}

	@EachEngine({ Engine.MARIADB, Engine.H2 })
	void resumesAtStatementOneWhenARunDiedInsideItsFirstDataStatement(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE t_resume (id INT)");
			}
			// What a run killed inside statement 1 leaves: an in-progress row, nothing done, no progress checksum.
			append(fixture, connection, interrupted("a1", List.of()));
			List<AppliedRevision> applied = fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("a1", List.of(),
					List.of("a1"), "INSERT INTO t_resume (id) VALUES (1)", "CREATE TABLE t_after (id INT)")), false);
			assertThat(applied).extracting(AppliedRevision::revision).containsExactly("a1");
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			assertThat(count(connection, "t_resume")).isEqualTo(1);
		}
	}

	@EachEngine({ Engine.MARIADB })
	void aRunThatDiedInsideDdlIsRefusedNamingTheExactStampCommand(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			append(fixture, connection, interrupted("a1", List.of()));
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_ddl (id INT)")), false))
				.withMessageContaining("statement 1 may or may not have run")
				.withMessageEndingWith("either finish the revision by hand and run 'migrate stamp a1', or undo what"
						+ " ran, run 'migrate stamp base' to clear the record, and run upgrade again");
		}
	}

	private static HistoryRow interrupted(String id, List<String> before) {
		return new HistoryRow(0, id, CommandKind.UPGRADE, before, before, id + " message", id + ".sql", "sum-" + id,
				java.time.Instant.now(), 0, "tester@host", false, HistoryRow.IN_PROGRESS, null, 0, null);
	}

	private static void append(RunnerFixture fixture, Connection connection, HistoryRow row) throws SQLException {
		try (HistoryWriter writer = fixture.historyTable.writer(connection)) {
			writer.append(row);
		}
	}

	@EachEngine({ Engine.MARIADB, Engine.H2 })
	void refusesToResumeWhenStatementsThatRanHaveChanged(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("a1", List.of(), List.of("a1"),
						"CREATE TABLE t_one (id INT)", "INSERT INTO t_missing (id) VALUES (1)")), false));
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("a1", List.of(), List.of("a1"),
						"CREATE TABLE t_one (id BIGINT)", "CREATE TABLE t_missing (id INT)")), false))
				.withMessageStartingWith("Revision 'a1' (a1.sql) failed part-way through an earlier upgrade: "
						+ "statement 1 of it ran and was committed")
				.withMessageContaining("run 'migrate stamp a1'");
			assertThat(fixture.versionTable.read(connection)).isEmpty();
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE, Engine.MARIADB, Engine.H2 })
	void versionRowUpdateMustMatchExactlyOneRow(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("a1", List.of(), List.of("a1"))), false);
			// Planned from a version table that something else changed meanwhile.
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("c3", List.of("b2"), List.of("c3"), "CREATE TABLE t_three (id INT)")), false))
				.withMessageStartingWith("Online migration expected to match one row when updating 'b2' to 'c3' in "
						+ "'migrate_version'; 0 found: something else changed the version table during the run "
						+ "(check it with 'migrate current'). ")
				.withMessageContaining("holds [a1]");
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			assertThat(fixture.historyTable.read(connection, 1).get(0).success()).isFalse();
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void wholePlanTransactionRollsBackEveryRevisionOfTheRun(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)"),
								step("b2", List.of("a1"), List.of("b2"), "INSERT INTO t_missing (id) VALUES (1)")),
						true))
				.withMessageContaining("nothing of this run was applied");
			assertThat(fixture.dialect.tableExists(connection, null, "t_one")).isFalse();
			assertThat(fixture.versionTable.read(connection)).isEmpty();
			assertThat(fixture.historyTable.read(connection, 0)).singleElement()
				.satisfies((row) -> assertThat(row.success()).isFalse());
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE, Engine.H2 })
	void wholePlanTransactionWritesTheVersionRowsOnceAndOneHistoryRowPerRevision(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			List<AppliedRevision> applied = fixture.runner.run(connection, CommandKind.UPGRADE,
					List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)"),
							step("b2", List.of("a1"), List.of("b2"), "CREATE TABLE t_two (id INT)"),
							step("c3", List.of("b2"), List.of("c3"), "INSERT INTO t_two (id) VALUES (3)")),
					true);
			assertThat(applied).extracting(AppliedRevision::revision).containsExactly("a1", "b2", "c3");
			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(fixture.versionTable.read(connection)).containsExactly("c3");
			assertThat(count(connection, "t_two")).isEqualTo(1);
			List<HistoryRow> history = fixture.historyTable.read(connection, 0);
			assertThat(history).extracting(HistoryRow::revision).containsExactly("c3", "b2", "a1");
			assertThat(history).allSatisfy((row) -> assertThat(row.success()).isTrue());
			assertThat(history).extracting(HistoryRow::versionBefore)
				.containsExactly(List.of("b2"), List.of("a1"), List.of());
			assertThat(history).extracting(HistoryRow::versionAfter)
				.containsExactly(List.of("c3"), List.of("b2"), List.of("a1"));
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void wholePlanTransactionChecksTheVersionRowsItStartedFrom(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("a1", List.of(), List.of("a1"))), false);
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("c3", List.of("b2"), List.of("c3"), "CREATE TABLE t_three (id INT)"),
								step("d4", List.of("c3"), List.of("d4"), "CREATE TABLE t_four (id INT)")),
						true))
				.withMessageStartingWith("Online migration expected to match one row when updating 'b2' to 'd4'")
				.withMessageContaining("nothing of this run was applied")
				.satisfies((ex) -> assertThat(ex.getRevision()).isEqualTo("c3"));
			assertThat(fixture.dialect.tableExists(connection, null, "t_three")).isFalse();
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			assertThat(fixture.historyTable.read(connection, 0)).extracting(HistoryRow::success)
				.containsExactly(false, true);
		}
	}

	@EachEngine({ Engine.POSTGRESQL })
	void lockTableExhaustionNamesTheSettingAndTheWayAround(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			JavaMigration exhausted = (context) -> {
				throw new SQLException("ERROR: out of shared memory\n  Hint: You might need to increase "
						+ "max_locks_per_transaction.", "53200");
			};
			PlannedStep step = new PlannedStep("b2", "b2 message", "B2.java", Direction.UPGRADE, List.of("a1"),
					List.of("b2"), true, null, new PlannedStep.JavaBody(exhausted));
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)"), step), true))
				.withMessageContaining("nothing of this run was applied")
				.withMessageContaining("PostgreSQL ran out of lock table space")
				.withMessageContaining("Raise max_locks_per_transaction")
				.withMessageContaining("transactionPerMigration=true")
				.withMessageNotContaining("Fix the script");
			assertThat(fixture.versionTable.read(connection)).isEmpty();
		}
	}

	@EachEngine({ Engine.MARIADB, Engine.MYSQL, Engine.H2 })
	void singleStatementRevisionsRecordWhatRanWithoutAProgressCommitOfTheirOwn(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			fixture.runner.run(connection, CommandKind.UPGRADE,
					List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)"),
							step("b2", List.of("a1"), List.of("b2"), "CREATE TABLE t_two (id INT)")),
					false);
			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(fixture.historyTable.read(connection, 0)).allSatisfy((row) -> {
				assertThat(row.success()).isTrue();
				assertThat(row.error()).isNull();
				assertThat(row.statementsDone()).isEqualTo(1);
				assertThat(row.progressChecksum()).isNotNull();
			});
			// A failing single statement: nothing of it ran.
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("c3", List.of("b2"), List.of("c3"), "CREATE TABLE t_one (id INT)")), false))
				.withMessageContaining("Nothing of 'c3' was applied");
			HistoryRow failed = fixture.historyTable.read(connection, 1).get(0);
			assertThat(failed.revision()).isEqualTo("c3");
			assertThat(failed.success()).isFalse();
			assertThat(failed.failedStatement()).isEqualTo(1);
			assertThat(failed.statementsDone()).isZero();
			assertThat(failed.error()).isNotEqualTo(HistoryRow.IN_PROGRESS);
			// A statement that ran, then a version table that does not match: the row says it ran.
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("d4", List.of("x9"), List.of("d4"), "CREATE TABLE t_four (id INT)")), false))
				.withMessageContaining("The only statement of 'd4' was applied")
				.withMessageContaining("the version table was not updated");
			HistoryRow unrecorded = fixture.historyTable.read(connection, 1).get(0);
			assertThat(unrecorded.success()).isFalse();
			assertThat(unrecorded.statementsDone()).isEqualTo(1);
			assertThat(unrecorded.failedStatement()).isNull();
			assertThat(fixture.versionTable.read(connection)).containsExactly("b2");
		}
	}

	@EachEngine({ Engine.MARIADB, Engine.H2 })
	void stepCompletesAndStaysRecordedWhenTheNextStepCannotStart(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE, List.of(step("b2", List.of("a1"),
						List.of("b2"), "CREATE TABLE t_two (id INT)", "INSERT INTO t_missing (id) VALUES (1)")), false));
			// a1 completes in the commit that would open b2; b2 cannot resume (its first statement changed).
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)"),
								step("b2", List.of("a1"), List.of("b2"), "CREATE TABLE t_two (id BIGINT)",
										"CREATE TABLE t_missing (id INT)")),
						false))
				.withMessageStartingWith("Revision 'b2' (b2.sql) failed part-way through an earlier upgrade");
			assertThat(fixture.versionTable.read(connection)).containsExactly("a1");
			HistoryRow a1 = fixture.historyTable.read(connection, 1).get(0);
			assertThat(a1.revision()).isEqualTo("a1");
			assertThat(a1.success()).isTrue();
			assertThat(a1.statementsDone()).isEqualTo(1);
			// Fixed, b2 resumes after its first statement; its row was opened in a1's commit.
			fixture.runner.run(connection, CommandKind.UPGRADE,
					List.of(step("b2", List.of("a1"), List.of("b2"), "CREATE TABLE t_two (id INT)",
							"CREATE TABLE t_missing (id INT)"),
							step("c3", List.of("b2"), List.of("c3"), "INSERT INTO t_missing (id) VALUES (3)")),
					false);
			assertThat(fixture.versionTable.read(connection)).containsExactly("c3");
			assertThat(count(connection, "t_missing")).isEqualTo(1);
			assertThat(fixture.historyTable.read(connection, 2)).extracting(HistoryRow::revision,
					HistoryRow::success, HistoryRow::statementsDone)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("c3", true, 1),
						org.assertj.core.groups.Tuple.tuple("b2", true, 2));
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void nonTransactionalScriptsInARowRecordEachStepAndKeepTheOnesBeforeAFailure(TestDatabase db)
			throws Exception {
		try (Connection connection = db.connect()) {
			RunnerFixture fixture = new RunnerFixture(connection);
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> fixture.runner.run(connection, CommandKind.UPGRADE,
						List.of(nonTransactional(step("a1", List.of(), List.of("a1"), "CREATE TABLE t_one (id INT)",
								"INSERT INTO t_one (id) VALUES (1)")),
								nonTransactional(step("b2", List.of("a1"), List.of("b2"), "CREATE TABLE t_two (id INT)")),
								nonTransactional(step("c3", List.of("b2"), List.of("c3"), "CREATE TABLE t_three (id INT)",
										"INSERT INTO t_missing (id) VALUES (1)"))),
						false))
				.withMessageContaining("Statement 1 of 'c3' was applied and stays applied (the script is not "
						+ "transactional)");
			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(fixture.versionTable.read(connection)).containsExactly("b2");
			assertThat(count(connection, "t_one")).isEqualTo(1);
			assertThat(fixture.historyTable.read(connection, 0)).extracting(HistoryRow::revision,
					HistoryRow::success, HistoryRow::statementsDone, HistoryRow::failedStatement)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("c3", false, 1, 2),
						org.assertj.core.groups.Tuple.tuple("b2", true, 1, null),
						org.assertj.core.groups.Tuple.tuple("a1", true, 2, null));
		}
	}

	private static PlannedStep nonTransactional(PlannedStep step) {
		return new PlannedStep(step.revision(), step.message(), step.source(), step.direction(), step.rowsBefore(),
				step.rowsAfter(), false, step.checksum(), step.body());
	}

	private static PlannedStep step(String id, List<String> before, List<String> after, String... sql) {
		List<StepStatement> statements = new java.util.ArrayList<>();
		for (int i = 0; i < sql.length; i++) {
			statements.add(new StepStatement(sql[i], i + 1));
		}
		return new PlannedStep(id, id + " message", id + ".sql", Direction.UPGRADE, before, after, true,
				"sum-" + id, new PlannedStep.SqlBody(statements));
	}

	private static int count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			result.next();
			return result.getInt(1);
		}
	}

}
