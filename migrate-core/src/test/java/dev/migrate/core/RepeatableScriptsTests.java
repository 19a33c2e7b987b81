package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Repeatable scripts on every engine: applied after the revisions in name order, again only when their checksum
 * changed, held back until their Depends On revisions are applied, and marked for re-application when a
 * downgrade reverts such a revision.
 */
class RepeatableScriptsTests {

	@TempDir
	Path scripts;

	@EachEngine(value = { Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void reappliesRepeatableScriptsWhoseChecksumChangedAfterTheRevisionsInNameOrder(TestDatabase db)
			throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a1", null, null, null, null, "CREATE TABLE accounts (id INT, active INT);\n"
				+ "INSERT INTO accounts VALUES (1, 1);\nINSERT INTO accounts VALUES (2, 0);\n",
				"DROP TABLE accounts;\n");
		files.write("a2", "a1", null, null, null, "CREATE TABLE orders (id INT, account INT);\n"
				+ "INSERT INTO orders VALUES (10, 1);\n", "DROP VIEW IF EXISTS order_totals;\nDROP TABLE orders;\n");
		Path counts = repeatable("views/counts.sql", "b_counts", null, "SELECT 1 AS n");
		repeatable("views/active.sql", "active_accounts", "a1", "SELECT id FROM accounts WHERE active = 1");
		repeatable("views/totals.sql", "order_totals", "a2", "SELECT account, COUNT(*) AS n FROM orders GROUP BY account");
		Migrator migrator = migrator(db, files);

		MigrationResult first = migrator.upgrade("a1");
		assertThat(first.steps()).extracting(AppliedRevision::revision).containsExactly("a1");
		assertThat(first.repeatables()).containsExactly("active_accounts", "b_counts");
		assertThat(states(migrator)).containsExactly("active_accounts APPLIED", "b_counts APPLIED",
				"order_totals WAITING [a2]");
		assertThat(migrator.info().isUpToDate()).isFalse();

		MigrationResult second = migrator.upgrade("heads");
		assertThat(second.steps()).extracting(AppliedRevision::revision).containsExactly("a2");
		assertThat(second.repeatables()).containsExactly("order_totals");
		assertThat(history(migrator)).startsWith("repeatable order_totals", "upgrade a2", "repeatable b_counts",
				"repeatable active_accounts", "upgrade a1");
		assertThat(query(db, "SELECT COUNT(*) FROM active_accounts")).isEqualTo(1);
		assertThat(query(db, "SELECT n FROM order_totals")).isEqualTo(1);
		assertThat(migrator.upgrade("heads").repeatables()).isEmpty();
		assertThat(migrator.info().isUpToDate()).isTrue();

		Files.writeString(counts, Files.readString(counts).replace("SELECT 1 AS n", "SELECT 2 AS n"));
		assertThat(states(migrator)).containsExactly("active_accounts APPLIED", "b_counts PENDING",
				"order_totals APPLIED");
		assertThat(migrator.info().isUpToDate()).isFalse();
		MigrationResult changed = migrator.upgrade("heads");
		assertThat(changed.steps()).isEmpty();
		assertThat(changed.repeatables()).containsExactly("b_counts");
		assertThat(query(db, "SELECT n FROM b_counts")).isEqualTo(2);

		MigrationResult down = migrator.downgrade("a1");
		assertThat(down.steps()).extracting(AppliedRevision::revision).containsExactly("a2");
		assertThat(history(migrator).get(0)).isEqualTo("repeatable order_totals");
		assertThat(migrator.appliedHistory(1).get(0).checksum()).isNull();
		assertThat(states(migrator)).containsExactly("active_accounts APPLIED", "b_counts APPLIED",
				"order_totals WAITING [a2]");
		assertThat(migrator.upgrade("heads").repeatables()).containsExactly("order_totals");
		assertThat(query(db, "SELECT n FROM order_totals")).isEqualTo(1);
		assertThat(migrator.validate().problems()).isEmpty();
		assertThat(migrator.info().repeatables()).allSatisfy((status) -> {
			assertThat(status.state()).isEqualTo(RepeatableState.APPLIED);
			assertThat(status.appliedChecksum()).isEqualTo(status.repeatable().checksum());
			assertThat(status.appliedAt()).isNotNull();
		});
	}

	@EachEngine(value = { Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void aFailingRepeatableScriptIsRecordedAndNamedWhileTheRevisionsStayApplied(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a1", null, null, null);
		Files.writeString(this.scripts.resolve("broken.sql"), "-- Repeatable: broken\n\n-- migrate:upgrade\n"
				+ "CREATE TABLE broken_side (id INT);\n\nINSERT INTO no_such_table VALUES (1);\n");
		Migrator migrator = migrator(db, files);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.getRevision()).isEqualTo("broken");
				assertThat(ex.getStatementIndex()).isEqualTo(2);
				assertThat(ex.getLine()).isEqualTo(6);
				assertThat(ex.getStatementsApplied()).isEqualTo((db.engine() == Engine.MARIADB || db.engine() == Engine.H2) ? 1 : 0);
				assertThat(ex.getVersionRows()).containsExactly("a1");
			})
			.withMessageStartingWith("Repeatable script 'broken' (" + this.scripts.resolve("broken.sql")
					+ ") failed at statement 2 (line 6): ")
			.withMessageContaining("the upgrade's revisions stay applied, the version table holds [a1]. Fix the"
					+ " script and run upgrade again");
		assertThat(migrator.current()).containsExactly("a1");
		HistoryEntry failed = migrator.appliedHistory(1).get(0);
		assertThat(failed.direction()).isEqualTo(CommandKind.REPEATABLE);
		assertThat(failed.success()).isFalse();
		assertThat(failed.failedStatement()).isEqualTo(2);
		assertThat(migrator.info().repeatables()).extracting(RepeatableStatus::state)
			.containsExactly(RepeatableState.PENDING);
	}

	@Test
	void offlineSqlWritesEveryRepeatableScriptAtTheEndOfAnUpgradeRange() throws IOException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a1", null, null, null);
		files.table("a2", "a1", null, null);
		repeatable("v1.sql", "v_one", null, "SELECT 1 AS n");
		repeatable("v2.sql", "v_two", "a2", "SELECT 2 AS n");
		Migrator migrator = Migrator.create(MigrateConfig.builder().locations(files.location()).build());
		String all = migrator.upgradeSql("heads", "postgresql");
		assertThat(all.lines().toList()).containsSubsequence("CREATE TABLE t_a2 (id INT);",
				"-- Running repeatable v_one", "BEGIN;",
				"DROP VIEW IF EXISTS v_one;", "CREATE VIEW v_one AS SELECT 1 AS n;", "COMMIT;",
				"-- Running repeatable v_two");
		String partial = migrator.upgradeSql("base:a1", "postgresql");
		assertThat(partial.lines().toList()).contains(
				"-- Skipping repeatable v_two: it depends on a2, not all applied at the end of this range")
			.doesNotContain("CREATE VIEW v_two AS SELECT 2 AS n;");
		assertThat(migrator.repeatables()).extracting(RepeatableInfo::name).containsExactly("v_one", "v_two");
		assertThat(migrator.history(null)).extracting(RevisionInfo::id).containsExactly("a2", "a1");
	}

	private Path repeatable(String path, String name, String dependsOn, String select) throws IOException {
		Path file = this.scripts.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "-- the " + name + " view\n-- Repeatable: " + name + "\n"
				+ ((dependsOn != null) ? "-- Depends On: " + dependsOn + "\n" : "--\n") + "\n-- migrate:upgrade\n"
				+ "DROP VIEW IF EXISTS " + name + ";\nCREATE VIEW " + name + " AS " + select + ";\n");
		return file;
	}

	private static Migrator migrator(TestDatabase db, ScriptFiles files) {
		return Migrator.create(MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
	}

	private static List<String> states(Migrator migrator) {
		return migrator.info()
			.repeatables()
			.stream()
			.map((status) -> status.repeatable().name() + " " + status.state()
					+ (status.waitingFor().isEmpty() ? "" : " " + status.waitingFor()))
			.toList();
	}

	private static List<String> history(Migrator migrator) {
		return migrator.appliedHistory(0).stream().map((entry) -> entry.direction().verb() + " " + entry.revision()).toList();
	}

	static int query(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getInt(1);
		}
	}

}
