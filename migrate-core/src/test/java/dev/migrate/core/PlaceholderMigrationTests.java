package dev.migrate.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.script.ScriptException;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ${name}} placeholders on every engine: configured and built-in values reach the database, checksums
 * ignore the values, a file or the configuration turns replacement off, and offline SQL replaces them too.
 */
class PlaceholderMigrationTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void replacesConfiguredAndBuiltInPlaceholdersAndKeepsChecksumsOverTheFile(TestDatabase db) throws SQLException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a000", null, null, null, null,
				"CREATE TABLE ${migrate:schema}.t_${suffix} (k VARCHAR(40), v VARCHAR(80));\n"
						+ "INSERT INTO t_${suffix} VALUES ('engine', '${migrate:engine}');\n"
						+ "INSERT INTO t_${suffix} VALUES ('user', '${migrate:user}');\n"
						+ "INSERT INTO t_${suffix} VALUES ('revision', '${migrate:revision}');\n"
						+ "INSERT INTO t_${suffix} VALUES ('literal', '\\${suffix}');\n",
				"DROP TABLE t_${suffix};\n");
		files.write("b001", "a000", null, null, "-- Placeholders: false",
				"INSERT INTO t_items VALUES ('raw', '${suffix}');\n", null);
		Migrator migrator = migrator(db, "items");

		migrator.upgrade("heads");

		assertThat(rows(db, "SELECT k, v FROM t_items ORDER BY k")).containsExactly(
				"engine=" + db.engine().name().toLowerCase(java.util.Locale.ROOT), "literal=${suffix}", "raw=${suffix}",
				"revision=a000", "user=" + user(db));
		// Another value, the same files: validation passes (checksums are over the text before replacement).
		Migrator other = migrator(db, "other");
		assertThat(other.validate().problems()).isEmpty();
		assertThat(other.upgrade("heads").steps()).isEmpty();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anUnknownPlaceholderStopsTheUpgradeBeforeAnythingRuns(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Path file = files.write("b001", "a000", null, null, null,
				"CREATE TABLE t_b001 (id INT);\nINSERT INTO t_b001 VALUES (${count});\n", null);
		Migrator migrator = migrator(db, "items");

		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(9))
			.withMessageContaining(file.getFileName() + ":9: unknown placeholder '${count}'");
		assertThat(migrator.current()).isEmpty();
	}

	@EachEngine({ Engine.H2, Engine.SQLITE })
	void theGlobalSwitchRunsStatementsAsWritten(TestDatabase db) throws SQLException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a000", null, null, null, null,
				"CREATE TABLE t_raw (v VARCHAR(20));\nINSERT INTO t_raw VALUES ('${suffix}');\n", null);
		Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.placeholderReplacement(false)
			.build()).upgrade("heads");

		assertThat(rows(db, "SELECT v, v FROM t_raw")).containsExactly("${suffix}=${suffix}");
	}

	@Test
	void offlineSqlReplacesPlaceholdersWithTheConfiguredSchema() {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a000", null, null, null, null,
				"CREATE TABLE ${migrate:schema}.t_${suffix} (id INT);\n-- for ${migrate:engine}\n", null);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.locations(files.location())
			.schema("app")
			.placeholder("suffix", "items")
			.build());

		String sql = migrator.upgradeSql("heads", "postgresql");

		assertThat(sql).contains("CREATE TABLE app.t_items (id INT)").doesNotContain("${");
	}

	@Test
	void offlineSqlReplacesPlaceholdersInRepeatableScriptsAndCallbacksUnlessTheHeaderTurnsThemOff() throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a000", null, null, null, null, "CREATE TABLE t_${suffix} (id INT);\n", null);
		java.nio.file.Files.writeString(this.scripts.resolve("v_items.sql"), "-- the view\n-- Repeatable: v_items\n--\n"
				+ "\n-- migrate:upgrade\nCREATE VIEW v_${suffix} AS SELECT id FROM t_${suffix};\n");
		java.nio.file.Files.writeString(this.scripts.resolve("v_raw.sql"), "-- the raw view\n-- Repeatable: v_raw\n"
				+ "-- Placeholders: false\n\n-- migrate:upgrade\nCREATE VIEW v_raw AS SELECT '${suffix}' AS v;\n");
		java.nio.file.Files.writeString(this.scripts.resolve("beforeUpgrade.sql"),
				"-- before on ${migrate:engine}\nSELECT '${suffix}';\n");
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.locations(files.location())
			.placeholder("suffix", "items")
			.build());

		String sql = migrator.upgradeSql("heads", "postgresql");

		assertThat(sql).contains("CREATE VIEW v_items AS SELECT id FROM t_items;", "SELECT 'items';",
				"CREATE VIEW v_raw AS SELECT '${suffix}' AS v;");
	}

	@EachEngine(value = { Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void repeatableScriptsAndCallbacksRunWithTheirPlaceholdersReplaced(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a000", null, null, null, null,
				"CREATE TABLE t_${suffix} (id INT);\nCREATE TABLE t_log (v VARCHAR(40));\n", null);
		java.nio.file.Files.writeString(this.scripts.resolve("v_items.sql"), "-- the view\n-- Repeatable: v_items\n--\n"
				+ "\n-- migrate:upgrade\nCREATE VIEW v_${suffix} AS SELECT id FROM t_${suffix};\n");
		java.nio.file.Files.writeString(this.scripts.resolve("afterEachRevision.sql"),
				"INSERT INTO t_log (v) VALUES ('${suffix}@${migrate:revision}');\n");

		migrator(db, "items").upgrade("heads");

		assertThat(rows(db, "SELECT v, v FROM t_log")).containsExactly("items@a000=items@a000");
		assertThat(rows(db, "SELECT id, id FROM v_items")).isEmpty();
	}

	private Migrator migrator(TestDatabase db, String suffix) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.scripts)
			.placeholder("suffix", suffix)
			.build());
	}

	private static String user(TestDatabase db) throws SQLException {
		try (Connection connection = db.connect()) {
			String user = connection.getMetaData().getUserName();
			if (user == null || user.isBlank()) {
				return "unknown";
			}
			return (user.indexOf('@') > 0) ? user.substring(0, user.indexOf('@')) : user;
		}
	}

	private static List<String> rows(TestDatabase db, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1) + "=" + result.getString(2));
			}
		}
		return rows;
	}

}
