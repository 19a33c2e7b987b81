package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQL callbacks on every engine: where each runs, that the each-revision ones share the revision's transaction,
 * and that they are never revisions.
 */
class SqlCallbacksTests {

	private static final List<String> UPGRADE = List.of("beforeUpgrade", "beforeEachRevision", "afterEachRevision",
			"afterUpgrade", "afterUpgradeError");

	private static final List<String> DOWNGRADE = List.of("beforeDowngrade", "beforeEachDowngrade",
			"afterEachDowngrade", "afterDowngrade", "afterDowngradeError");

	@TempDir
	Path scripts;

	@EachEngine(value = { Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void runsEachCallbackAtItsPointOfAnUpgradeAndADowngrade(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a1", null, null, null);
		files.table("a2", "a1", null, null);
		writeCallbacks(UPGRADE);
		writeCallbacks(DOWNGRADE);
		Migrator migrator = migrator(db, files);
		assertThat(migrator.history(null)).extracting(RevisionInfo::id).containsExactly("a2", "a1");

		migrator.upgrade("heads");
		assertThat(log(db)).containsExactly("beforeUpgrade", "beforeEachRevision", "afterEachRevision",
				"beforeEachRevision", "afterEachRevision", "afterUpgrade");
		migrator.upgrade("heads");
		assertThat(log(db)).hasSize(8).endsWith("beforeUpgrade", "afterUpgrade");

		migrator.downgrade("base");
		assertThat(log(db)).hasSize(14)
			.endsWith("beforeDowngrade", "beforeEachDowngrade", "afterEachDowngrade", "beforeEachDowngrade",
					"afterEachDowngrade", "afterDowngrade");
		assertThat(migrator.appliedHistory(0)).extracting(HistoryEntry::revision)
			.containsExactly("a1", "a2", "a2", "a1");
	}

	@EachEngine(value = { Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void aFailedRevisionRollsBackItsEachCallbacksWithItAndRunsTheErrorCallback(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a1", null, null, null);
		files.write("a2", "a1", null, null, null, "INSERT INTO no_such_table VALUES (1);\n", null);
		writeCallbacks(UPGRADE);
		Migrator migrator = migrator(db, files);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.getRevision()).isEqualTo("a2"));
		// PostgreSQL and SQLite run a2 in a transaction that holds its beforeEachRevision insert too; H2 and MariaDB
		// commit DDL as it runs, so a2 runs statement by statement and its callback had committed.
		boolean transactional = db.engine() == Engine.POSTGRESQL || db.engine() == Engine.SQLITE;
		List<String> expected = new ArrayList<>(List.of("beforeUpgrade", "beforeEachRevision", "afterEachRevision"));
		if (!transactional) {
			expected.add("beforeEachRevision");
		}
		expected.add("afterUpgradeError");
		assertThat(log(db)).containsExactlyElementsOf(expected);
		assertThat(migrator.current()).containsExactly("a1");
	}

	@EachEngine(value = { Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void aFailingEachCallbackFailsTheRevisionNamingTheCallbackFileAndLine(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a1", null, null, null);
		Files.writeString(this.scripts.resolve("afterEachRevision.sql"), "-- checks\n\nINSERT INTO no_such_log VALUES (1);\n");
		Migrator migrator = migrator(db, files);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("Callback " + this.scripts.resolve("afterEachRevision.sql")
					+ ":3 (afterEachRevision.sql for revision 'a1') failed: ");
		assertThat(migrator.current()).isEmpty();
		if (db.engine() == Engine.POSTGRESQL || db.engine() == Engine.SQLITE) {
			assertThat(MigratorIntegrationTests.tablesPresent(db, "a1")).isEmpty();
		}
	}

	@EachEngine(value = { Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void eachCallbacksJoinTheSingleTransactionOfAWholePlan(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a1", null, null, null, null,
				"INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'a1' FROM cb_log;\n", null);
		files.write("a2", "a1", null, null, null, "INSERT INTO no_such_table VALUES (1);\n", null);
		writeCallbacks(UPGRADE);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.transactionPerMigration(false)
			.build());
		// cb_log exists before the run, so that the revisions' inserts have a table
		db.execute("CREATE TABLE cb_log (n INT, event VARCHAR(40))");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		if (db.engine() == Engine.POSTGRESQL || db.engine() == Engine.SQLITE) {
			// One transaction for the plan: a1, a2 and their callbacks were all rolled back; beforeUpgrade had
			// committed on its own.
			assertThat(log(db)).containsExactly("beforeUpgrade", "afterUpgradeError");
		}
		else {
			assertThat(log(db)).containsExactly("beforeUpgrade", "beforeEachRevision", "a1", "afterEachRevision",
					"beforeEachRevision", "afterUpgradeError");
		}
	}

	@Test
	void offlineSqlWritesTheCallbacksAtTheSamePoints() throws IOException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a1", null, null, null);
		files.table("a2", "a1", null, null);
		writeCallbacks(UPGRADE);
		writeCallbacks(DOWNGRADE);
		Migrator migrator = Migrator.create(MigrateConfig.builder().locations(files.location()).build());
		assertThat(migrator.upgradeSql("heads", "postgresql").lines().toList()).containsSubsequence(
				"INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'beforeUpgrade' FROM cb_log;", "COMMIT;",
				"-- Running upgrade  -> a1 (a1: create a1)", "BEGIN;",
				"INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'beforeEachRevision' FROM cb_log;",
				"CREATE TABLE t_a1 (id INT);",
				"INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'afterEachRevision' FROM cb_log;", "COMMIT;",
				"-- Running upgrade a1 -> a2 (a2: create a2)",
				"INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'afterUpgrade' FROM cb_log;");
		assertThat(migrator.downgradeSql("heads:base", "postgresql").lines().toList()).containsSubsequence(
				"INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'beforeDowngrade' FROM cb_log;",
				"INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'beforeEachDowngrade' FROM cb_log;",
				"DROP TABLE t_a2;", "INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'afterEachDowngrade' FROM cb_log;",
				"INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'afterDowngrade' FROM cb_log;")
			.doesNotContain("INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'afterDowngradeError' FROM cb_log;");
	}

	// Each callback creates the log when missing, then appends its name with a sequence number.
	private void writeCallbacks(List<String> names) throws IOException {
		for (String name : names) {
			Files.writeString(this.scripts.resolve(name + ".sql"),
					"CREATE TABLE IF NOT EXISTS cb_log (n INT, event VARCHAR(40));\n"
							+ "INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, '" + name + "' FROM cb_log;\n");
		}
	}

	private static Migrator migrator(TestDatabase db, ScriptFiles files) {
		return Migrator.create(MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
	}

	private static List<String> log(TestDatabase db) throws SQLException {
		List<String> events = new ArrayList<>();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT event FROM cb_log ORDER BY n")) {
			while (result.next()) {
				events.add(result.getString(1));
			}
		}
		return events;
	}

}
