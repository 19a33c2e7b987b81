package dev.migrate.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code initSqls} run on every connection migrate opens, before its own statements and the revisions, which see
 * the session they set; a failing one names itself and the setting.
 */
class InitSqlTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void revisionsRunInTheSessionTheInitSqlSet(TestDatabase db) throws SQLException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a000", null, null, null, null, "CREATE TABLE init_seen (v VARCHAR(40));\n"
				+ "INSERT INTO init_seen SELECT " + sessionValue(db.engine()) + ";\n", null);
		files.write("b001", "a000", null, null, null,
				"INSERT INTO init_seen SELECT " + sessionValue(db.engine()) + ";\n", null);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.initSqls(initSqls(db.engine()))
			.build());

		migrator.upgrade("heads");

		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT v FROM init_seen")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo("from_init");
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo("from_init");
		}
		assertThat(migrator.current()).containsExactly("b001");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.H2 })
	void aFailingInitSqlNamesItselfAndTheSetting(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.initSqls(List.of("SET no_such_setting_here = 1"))
			.build());

		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("initSqls"))
			.withMessageStartingWith("Init SQL 1 of 1 (SET no_such_setting_here = 1) failed on ")
			.withMessageEndingWith("; " + AdvisedSetting.INIT_SQLS.advice());
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void aFailingInitSqlNeverPrintsItsLiterals(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		String secret = "hunter2-s3cret";
		String sql = switch (db.engine()) {
			// Each database repeats the value it rejects in its message.
			case POSTGRESQL -> "SET lock_timeout = '" + secret + "'";
			case MARIADB, MYSQL -> "SET NAMES '" + secret + "'";
			case H2 -> "SET MODE '" + secret + "'";
			case SQLITE -> "SELECT '" + secret + "' FROM no_such_table";
			case SQLSERVER -> throw new IllegalArgumentException(db.engine().name());
		};
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.initSqls(List.of(sql))
			.build());

		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith("Init SQL 1 of 1 (" + sql.replace(secret, "***") + ") failed on ");
				java.io.StringWriter trace = new java.io.StringWriter();
				ex.printStackTrace(new java.io.PrintWriter(trace));
				assertThat(trace.toString()).doesNotContain(secret).contains("***");
				assertThat(ex.getCause()).isInstanceOf(SQLException.class);
			});
	}

	private static List<String> initSqls(Engine engine) {
		return switch (engine) {
			case POSTGRESQL -> List.of("SET application_name = 'from_init'", "SET lock_timeout = '5s'");
			case MARIADB, MYSQL, H2 -> List.of("SET @init_value = 'from_init'");
			case SQLITE -> List.of("CREATE TEMP TABLE init_marker AS SELECT 'from_init' AS v");
			case SQLSERVER -> throw new IllegalArgumentException(engine.name());
		};
	}

	private static String sessionValue(Engine engine) {
		return switch (engine) {
			case POSTGRESQL -> "current_setting('application_name')";
			case MARIADB, MYSQL, H2 -> "@init_value";
			case SQLITE -> "v FROM init_marker";
			case SQLSERVER -> throw new IllegalArgumentException(engine.name());
		};
	}

}
