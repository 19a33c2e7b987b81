package dev.migrate.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigratorFailureTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE, Engine.SQLSERVER })
	void failingStatementLeavesNothingOfItsRevisionAndRecordsAFailedHistoryRow(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Path broken = files.write("b001", "a000", null, null, null,
				"CREATE TABLE t_b001 (id INT);\nINSERT INTO t_b001 (id) VALUES (1);\nINSERT INTO t_nowhere (id) VALUES (2);\n",
				"DROP TABLE t_b001;\n");
		Migrator migrator = migrator(db);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("Revision 'b001' (" + broken + ":10) failed at statement 3 of 3 during upgrade: ")
			.withMessageContaining("t_nowhere")
			.withMessageContaining("nothing of 'b001' was applied")
			.withMessageContaining("The version table holds [a000]")
			.satisfies((ex) -> {
				assertThat(ex.getRevision()).isEqualTo("b001");
				assertThat(ex.getStatementIndex()).isEqualTo(3);
				assertThat(ex.getLine()).isEqualTo(10);
				assertThat(ex.getDatabaseMessage()).contains("t_nowhere");
				assertThat(ex.getVersionRows()).containsExactly("a000");
			});
		assertThat(migrator.current()).containsExactly("a000");
		assertThat(MigratorIntegrationTests.tablesPresent(db, "a000", "b001")).containsExactly("a000");
		List<HistoryEntry> history = migrator.appliedHistory(0);
		assertThat(history).hasSize(2);
		assertThat(history.get(0)).satisfies((entry) -> {
			assertThat(entry.revision()).isEqualTo("b001");
			assertThat(entry.success()).isFalse();
			assertThat(entry.failedStatement()).isEqualTo(3);
			assertThat(entry.error()).contains("t_nowhere");
			assertThat(entry.versionBefore()).containsExactly("a000");
			assertThat(entry.versionAfter()).containsExactly("a000");
		});
		// Fixed, it runs from the start.
		files.write("b001", "a000", null, null, null,
				"CREATE TABLE t_b001 (id INT);\nINSERT INTO t_b001 (id) VALUES (1);\n", "DROP TABLE t_b001;\n");
		assertThat(migrator.upgrade("heads").versionRowsAfter()).containsExactly("b001");
	}

	@EachEngine({ Engine.MARIADB, Engine.MYSQL, Engine.H2 })
	void nonTransactionalEngineResumesAfterTheFixWithoutRerunningWhatSucceeded(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.write("b001", "a000", null, null, null,
				"CREATE TABLE t_b001 (id INT);\nINSERT INTO t_b001 (id) VALUES (1);\nCREATE TABLE t_b001 (id INT);\n"
						+ "CREATE TABLE t_b002 (id INT);\n",
				"DROP TABLE t_b002;\nDROP TABLE t_b001;\n");
		Migrator migrator = migrator(db);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("failed at statement 3 of 4 during upgrade")
			.withMessageContaining("Statements 1-2 of 'b001' were applied and stay applied ("
					+ ((db.engine() == Engine.H2) ? "H2" : (db.engine() == Engine.MYSQL) ? "MySQL" : "MariaDB")
					+ " commits DDL as it runs)")
			.withMessageContaining("run upgrade again: it resumes at statement 3")
			.satisfies((ex) -> assertThat(ex.getStatementsApplied()).isEqualTo(2));
		assertThat(migrator.current()).containsExactly("a000");
		assertThat(migrator.appliedHistory(1).get(0).failedStatement()).isEqualTo(3);
		files.write("b001", "a000", null, null, null,
				"CREATE TABLE t_b001 (id INT);\nINSERT INTO t_b001 (id) VALUES (1);\nINSERT INTO t_b001 (id) VALUES (3);\n"
						+ "CREATE TABLE t_b002 (id INT);\n",
				"DROP TABLE t_b002;\nDROP TABLE t_b001;\n");
		MigrationResult result = migrator.upgrade("heads");
		assertThat(result.steps()).extracting(AppliedRevision::revision).containsExactly("b001");
		assertThat(migrator.current()).containsExactly("b001");
		try (var connection = db.connect(); var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT id FROM t_b001 ORDER BY id")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getInt(1)).isEqualTo(1);
			assertThat(rows.next()).isTrue();
			assertThat(rows.getInt(1)).isEqualTo(3);
			assertThat(rows.next()).isFalse();
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void irreversibleRevisionRefusesTheWholeDowngradeBeforeAnythingRuns(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Path oneWay = files.write("b001", "a000", null, null, null, "CREATE TABLE t_b001 (id INT);\n", null);
		files.table("c002", "b001", null, null);
		Migrator migrator = migrator(db);
		migrator.upgrade("heads");
		assertThatExceptionOfType(ValidationFailedException.class).isThrownBy(() -> migrator.downgrade("base"))
			.withMessage("The downgrade to 'base' was refused before anything ran: Revision 'b001' (" + oneWay
					+ ") is irreversible (it has no '-- migrate:downgrade' section); downgrade to a target above it, "
					+ "or make it reversible");
		assertThat(migrator.current()).containsExactly("c002");
		assertThat(migrator.appliedHistory(0)).hasSize(3);
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void validateCatchesAnEditedAndADeletedScriptAndUpgradeRefusesToRun(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Path edited = files.table("b001", "a000", null, null);
		Path deleted = files.table("c002", "b001", null, null);
		Migrator migrator = migrator(db);
		migrator.upgrade("heads");
		assertThat(migrator.validate().isValid()).isTrue();
		Files.writeString(edited, Files.readString(edited).replace("(id INT)", "(id BIGINT)"));
		Files.delete(deleted);
		files.table("d003", "b001", null, null);
		ValidationResult result = migrator.validate();
		assertThat(result.problems()).as(result.problems().toString()).hasSize(2);
		assertThat(result.problems()).anySatisfy((problem) -> assertThat(problem)
			.startsWith("The version table holds 'c002' (applied from " + deleted + " on ")
			.endsWith("but no script defines it any more; restore the script, or run 'migrate stamp <revision> "
					+ "--purge' to point the database at a revision that exists"));
		assertThat(result.problems()).anySatisfy((problem) -> assertThat(problem)
			.startsWith("Revision 'b001' (" + edited + ") was applied with checksum ")
			.contains("it was edited after it ran"));
		assertThatExceptionOfType(ValidationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("Validation failed before the upgrade, nothing ran: ")
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(2))
			// The upgrade checks a light read of the history first; its messages still quote the file and date.
			.satisfies((ex) -> assertThat(ex.getProblems()).isEqualTo(result.problems()));
		assertThat(migrator.current()).containsExactly("c002");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void refusedPlanOnAFreshDatabaseCreatesNothing(TestDatabase db) throws Exception {
		new ScriptFiles(this.scripts).table("a000", null, null, null);
		Migrator migrator = migrator(db);
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("zzzz"));
		try (java.sql.Connection connection = db.connect();
				java.sql.ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", null)) {
			List<String> names = new java.util.ArrayList<>();
			while (tables.next()) {
				names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
			}
			assertThat(names).doesNotContain("migrate_version", "migrate_history");
		}
		assertThat(migrator.upgrade("heads").versionRowsAfter()).containsExactly("a000");
	}

	private Migrator migrator(TestDatabase db) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(new ScriptFiles(this.scripts).location())
			.build());
	}

}
