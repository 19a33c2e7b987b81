package dev.migrate.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.migrate.core.script.JavaMigration;
import dev.migrate.core.script.Migration;
import dev.migrate.core.script.MigrationContext;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MigratorOptionsTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.H2, Engine.POSTGRESQL })
	void listenersHearEveryStepTheRunAndFailures(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("b001", "a000", null, null);
		List<String> events = new ArrayList<>();
		MigrationListener listener = new MigrationListener() {

			@Override
			public void beforeStep(CommandKind command, String revision) {
				events.add("before " + command.verb() + " " + revision);
			}

			@Override
			public void afterStep(AppliedRevision step) {
				events.add("after " + step.command().verb() + " " + step.revision() + " " + step.versionRowsAfter());
			}

			@Override
			public void onFailure(CommandKind command, String revision, MigrateException failure) {
				events.add("failed " + command.verb() + " " + revision);
			}

			@Override
			public void afterRun(MigrationResult result) {
				events.add("run " + result.command().verb() + " " + result.steps().size());
			}

		};
		MigrationListener broken = new MigrationListener() {

			@Override
			public void beforeStep(CommandKind command, String revision) {
				throw new IllegalStateException("listeners cannot stop a migration");
			}

		};
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.listener(broken)
			.listener(listener)
			.build());
		migrator.upgrade("heads");
		migrator.downgrade("a000");
		assertThat(events).containsExactly("before upgrade a000", "after upgrade a000 [a000]", "before upgrade b001",
				"after upgrade b001 [b001]", "run upgrade 2", "before downgrade b001", "after downgrade b001 [a000]",
				"run downgrade 1");
		events.clear();
		files.write("c002", "b001", null, null, null, "INSERT INTO t_nowhere (id) VALUES (1);\n", null);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		assertThat(events).containsExactly("before upgrade b001", "after upgrade b001 [b001]", "before upgrade c002",
				"failed upgrade c002");
	}

	@EachEngine({ Engine.POSTGRESQL })
	void logsALinePerRevisionAndASummaryAndNeverThePassword(TestDatabase db) {
		assumeTrue(LoggerFactory.getLogger("dev.migrate.core.runtime.MigrationRunner").isInfoEnabled(),
				"the engine's INFO log is switched off");
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			Migrator.create(MigrateConfig.builder()
				.url(db.url() + "?password=s3cret-value")
				.user(db.user())
				.locations(files.location())
				.build()).upgrade("heads");
		}
		finally {
			System.setErr(original);
		}
		String log = captured.toString(StandardCharsets.UTF_8);
		assertThat(log).containsPattern("Upgraded to 'a000' \\(create a000\\) in \\d+ ms")
			.containsPattern("Upgrade to 'heads' of jdbc:postgresql://[^ ]*password=\\*\\*\\*: 1 revision in \\d+ ms; "
					+ "version now \\[a000\\]")
			.doesNotContain("s3cret-value");
	}

	@Test
	void migratesAnInMemorySqliteDatabaseWithAnInProcessLock() {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("b001", "a000", null, null);
		Migrator migrator = Migrator
			.create(MigrateConfig.builder().url("jdbc:sqlite::memory:").locations(files.location()).build());
		assertThat(migrator.upgrade("heads").versionRowsAfter()).containsExactly("b001");
		assertThat(migrator.upgrade("heads").versionRowsAfter()).containsExactly("b001");
	}

	@Test
	void connectionFailureRetriesAndMasksThePassword() {
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.url("jdbc:postgresql://127.0.0.1:1/nowhere?user=me&password=s3cret-value")
			.connectRetries(1)
			.connectRetriesInterval(Duration.ofMillis(10))
			.build());
		assertThatExceptionOfType(DatabaseConnectionException.class).isThrownBy(migrator::current)
			.withMessageStartingWith(
					"Could not connect to jdbc:postgresql://127.0.0.1:1/nowhere?user=me&password=*** after 2 attempt(s): ")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cret-value"));
	}

	@Test
	void aBrokenScriptIsReportedRatherThanTheDatabaseThatCannotBeReached() throws Exception {
		java.nio.file.Files.writeString(this.scripts.resolve("a000_broken.sql"), "CREATE TABLE a (id INT);\n");
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.url("jdbc:postgresql://127.0.0.1:1/nowhere")
			.locations("filesystem:" + this.scripts)
			.build());
		// The scripts load while the connection is attempted; the script error is the one to fix first.
		assertThatExceptionOfType(dev.migrate.core.script.ScriptException.class)
			.isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("a000_broken.sql:1")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
				.isInstanceOf(DatabaseConnectionException.class));
	}

	@Test
	void aUrlOfAnEngineMigrateDoesNotKnowGoesThroughDriverManager() throws Exception {
		java.sql.Driver delegating = new DelegatingDriver("jdbc:migrate-test:", "jdbc:sqlite:");
		java.sql.DriverManager.registerDriver(delegating);
		try {
			ScriptFiles files = new ScriptFiles(this.scripts);
			files.table("a000", null, null, null);
			Path database = this.scripts.resolve("delegated.db");
			Migrator migrator = Migrator.create(MigrateConfig.builder()
				.url("jdbc:migrate-test:" + database)
				.dialect("sqlite")
				.locations(files.location())
				.build());
			assertThat(migrator.upgrade("heads").versionRowsAfter()).containsExactly("a000");
			assertThat(Migrator
				.create(MigrateConfig.builder().url("jdbc:sqlite:" + database).locations(files.location()).build())
				.current()).containsExactly("a000");
		}
		finally {
			java.sql.DriverManager.deregisterDriver(delegating);
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.H2, Engine.MARIADB })
	void createsTheConfiguredSchemaAndKeepsItsTablesThere(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		String schema = (db.engine() == Engine.MARIADB) ? db.name() + "_audit" : "audit";
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.schema(schema)
			.versionTable("schema_version")
			.historyTable("schema_history")
			.build());
		try {
			migrator.upgrade("heads");
			assertThat(migrator.current()).containsExactly("a000");
			assertThat(migrator.appliedHistory(0)).hasSize(1);
			String quote = (db.engine() == Engine.MARIADB) ? "`" : "\"";
			try (Connection connection = db.connect(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT " + quote + "version_num" + quote + " FROM " + quote
							+ schema + quote + "." + quote + "schema_version" + quote)) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("a000");
			}
		}
		finally {
			if (db.engine() == Engine.MARIADB) {
				db.execute("DROP DATABASE IF EXISTS " + schema);
			}
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void adoptsAnAlembicVersionTable(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("a001", "a000", null, null);
		files.table("a002", "a001", null, null);
		db.execute("CREATE TABLE t_a000 (id INT)");
		db.execute("CREATE TABLE t_a001 (id INT)");
		db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
				+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		db.execute("INSERT INTO alembic_version (version_num) VALUES ('a001')");
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.versionTable("alembic_version")
			.build());
		assertThat(migrator.current()).containsExactly("a001");
		MigrationResult result = migrator.upgrade("heads");
		assertThat(result.steps()).extracting(AppliedRevision::revision).containsExactly("a002");
		assertThat(migrator.current()).containsExactly("a002");
	}

	@EachEngine({ Engine.POSTGRESQL })
	void runsANonTransactionalScriptOutsideATransaction(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.write("b001", "a000", null, null, "-- Transactional: false",
				"CREATE INDEX CONCURRENTLY ix_a000_id ON t_a000 (id);\n", "DROP INDEX CONCURRENTLY ix_a000_id;\n");
		Migrator migrator = Migrator.create(
				MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("b001");
		assertThat(migrator.appliedHistory(1).get(0).success()).isTrue();
		migrator.downgrade("a000");
		assertThat(migrator.current()).containsExactly("a000");
	}

	@EachEngine({ Engine.POSTGRESQL })
	void runsPostgresCopyFromStdinThroughTheDriversCopyApi(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a000", null, null, null, null,
				"CREATE TABLE t_copy (id INT, name TEXT);\nCOPY t_copy (id, name) FROM stdin;\n1\tone\n2\ttwo\n\\.\n",
				"DROP TABLE t_copy;\n");
		Migrator migrator = Migrator.create(
				MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
		migrator.upgrade("heads");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT string_agg(name, ',' ORDER BY id) FROM t_copy")) {
			rows.next();
			assertThat(rows.getString(1)).isEqualTo("one,two");
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void wholePlanTransactionLeavesNothingOfTheRunWhenARevisionFails(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.write("b001", "a000", null, null, null, "INSERT INTO t_nowhere (id) VALUES (1);\n", null);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.transactionPerMigration(false)
			.build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("The run's single transaction was rolled back: nothing of this run was applied. "
					+ "The version table holds []");
		assertThat(migrator.current()).isEmpty();
		assertThat(MigratorIntegrationTests.tablesPresent(db, "a000")).isEmpty();
	}

	@EachEngine({ Engine.H2, Engine.MARIADB })
	void runsRegisteredJavaMigrationsBothWays(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.javaMigrations(List.of(new SeedRows()))
			.build());
		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("j001");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t_a000")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(2);
		}
		migrator.downgrade("a000");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t_a000")) {
			rows.next();
			assertThat(rows.getInt(1)).isZero();
		}
		assertThat(migrator.appliedHistory(0)).extracting(HistoryEntry::revision).containsExactly("j001", "j001", "a000");
	}

	@Migration(id = "j001", revises = "a000", message = "seed rows")
	static final class SeedRows implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) throws Exception {
			context.execute("INSERT INTO t_a000 (id) VALUES (1)");
			context.execute("INSERT INTO t_a000 (id) VALUES (2)");
		}

		@Override
		public void downgrade(MigrationContext context) throws Exception {
			context.execute("DELETE FROM t_a000");
		}

		@Override
		public boolean isReversible() {
			return true;
		}

	}

	/**
	 * A driver for a prefix no engine uses, handing connections over to another URL scheme.
	 */
	private record DelegatingDriver(String prefix, String target) implements java.sql.Driver {

		@Override
		public Connection connect(String url, java.util.Properties info) throws java.sql.SQLException {
			return acceptsURL(url) ? java.sql.DriverManager.getConnection(this.target + url.substring(this.prefix.length()),
					info) : null;
		}

		@Override
		public boolean acceptsURL(String url) {
			return url.startsWith(this.prefix);
		}

		@Override
		public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {
			return new java.sql.DriverPropertyInfo[0];
		}

		@Override
		public int getMajorVersion() {
			return 1;
		}

		@Override
		public int getMinorVersion() {
			return 0;
		}

		@Override
		public boolean jdbcCompliant() {
			return false;
		}

		@Override
		public java.util.logging.Logger getParentLogger() {
			return java.util.logging.Logger.getGlobal();
		}

	}

}
