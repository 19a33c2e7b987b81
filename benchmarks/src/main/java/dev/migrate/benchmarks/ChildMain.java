package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

/**
 * One timed step in a fresh JVM: {@code ChildMain TOOL ACTION URL USER WORKLOAD_DIR SIZE}, with the password in
 * {@code BENCH_DB_PASSWORD}. The clock starts when {@code main} starts, once the application's logging is set up,
 * so loading the tool's classes counts (as the peer table does); the JVM's own start is in the wall time
 * the parent records. Prints
 * {@code BENCH-RESULT <nanos>}, {@code BENCH-CLASSES <loaded>}, {@code BENCH-WINDOW <from> <to>} (the timed span in
 * epoch milliseconds, which a profile keeps) and then, untimed, {@code BENCH-CHECK tables=<n>}.
 */
public final class ChildMain {

	static final String RESULT = "BENCH-RESULT ";

	static final String CHECK = "BENCH-CHECK tables=";

	static final String CLASSES = "BENCH-CLASSES ";

	static final String WINDOW = "BENCH-WINDOW ";

	private ChildMain() {
	}

	/**
	 * Runs one step.
	 * @param args tool, action, JDBC URL, user, workload directory, size
	 * @throws Exception on any failure (the parent reports it with the log)
	 */
	public static void main(String[] args) throws Exception {
		// The application's logging is set up before the clock starts, as it is before any tool runs in an
		// application (Spring Boot configures it first thing); otherwise every tool that logs through SLF4J would
		// be charged Logback's start-up, which raw JDBC never pays.
		LoggerFactory.getILoggerFactory();
		long from = System.currentTimeMillis();
		Clock clock = Clock.start();
		Phases.start();
		Tool tool = Tool.valueOf(args[0]);
		Action action = Action.valueOf(args[1]);
		String url = args[2];
		String user = args[3];
		Workload workload = new Workload(Path.of(args[4]), Integer.parseInt(args[5]));
		String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
		// Each tool's code sits in its own nested class, so loading this one loads no other tool's classes.
		switch (tool) {
			case RAW_JDBC -> RawJdbc.run(action, workload, url, user, password);
			case RAW_JDBC_BOOKKEEPING, FLOOR_AUTOINCREMENT, FLOOR_ROWID, FLOOR_VERSION_WITHOUT_ROWID, FLOOR_DO_CHECK,
					FLOOR_CTE_CHECK, FLOOR_INSERT_CHECK, FLOOR_UNCHECKED, FLOOR_TWO_TRIPS, FLOOR_ONE_TRIP -> {
				if (action != Action.APPLY) {
					throw new IllegalArgumentException(tool + " only applies");
				}
				BookkeepingFloor.run(tool, workload, url, user, password);
			}
			case RAW_CHECK -> RawCheck.check(url, user, password);
			case MIGRATE, MIGRATE_ONE_TRANSACTION, MIGRATE_JAR, MIGRATE_DIR -> MigrateTool.run(tool, action, workload, url, user, password);
			case FLYWAY -> FlywayTool.run(action, workload, url, user, password);
			case LIQUIBASE -> LiquibaseTool.run(action, workload, url, user, password);
		}
		long elapsed = clock.elapsedNanos();
		long to = System.currentTimeMillis();
		Phases.mark("end");
		System.out.println(RESULT + elapsed);
		System.out.println(CLASSES + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
		// After the class count: printing it links classes of its own.
		System.out.println(WINDOW + from + " " + to);
		Phases.print();
		System.out.println(CHECK + countTables(url, user, password));
	}

	private static final class RawJdbc {

		static void run(Action action, Workload workload, String url, String user, String password)
				throws Exception {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				if (action == Action.NOOP) {
					try (ResultSet result = statement.executeQuery("SELECT 1")) {
						result.next();
					}
					return;
				}
				Path file = (action != Action.DOWNGRADE) ? workload.upgradeStatements() : workload.downgradeStatements();
				List<String> statements = Files.readAllLines(file, StandardCharsets.UTF_8);
				// The untimed set-up of the no-op floor commits every 500 tables: the same tables, minutes sooner
				// (one transaction of 10,000 would exceed PostgreSQL's lock table).
				boolean setUp = action == Action.SETUP;
				connection.setAutoCommit(!setUp);
				int count = 0;
				for (String sql : statements) {
					statement.execute(sql);
					if (setUp && ++count % 500 == 0) {
						connection.commit();
					}
				}
				if (setUp) {
					connection.commit();
				}
			}
		}

	}

	private static final class RawCheck {

		/**
		 * What migrate's up-to-date check sends, by hand: the default schema as its dialect finds it (PostgreSQL
		 * asks the server; MariaDB's driver knows the current database; SQLite's is {@code main}), then the one
		 * statement with migrate's default table names, quoted as its dialect quotes them.
		 */
		static void check(String url, String user, String password) throws SQLException {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				boolean mariadb = url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
				String schema = url.startsWith("jdbc:postgresql:") ? connection.getSchema()
						: mariadb ? connection.getCatalog() : "main";
				String q = mariadb ? "`" : "\"";
				String prefix = q + schema + q + ".";
				String sql = "SELECT v." + q + "version_num" + q + ", d." + q + "scripts_digest" + q + ", d." + q
						+ "version_rows" + q + ", d." + q + "history_mark" + q + ", (SELECT MAX(" + q + "id" + q + ") FROM "
						+ prefix + q + "migrate_history" + q + ") FROM " + prefix + q + "migrate_version" + q
						+ " v CROSS JOIN " + prefix + q + "migrate_version_digest" + q + " d WHERE d." + q + "id" + q
						+ " = 1";
				try (ResultSet result = statement.executeQuery(sql)) {
					if (!result.next()) {
						throw new IllegalStateException("No digest row: " + sql);
					}
					result.getString(1);
					result.getString(2);
					result.getString(3);
					result.getLong(4);
					result.getLong(5);
				}
			}
		}

	}

	private static final class MigrateTool {

		static void run(Tool tool, Action action, Workload workload, String url, String user,
				String password) throws Exception {
			MigrateConfig.Builder builder = MigrateConfig.builder()
				.url(url)
				.user(user)
				.password(password)
				.transactionPerMigration(tool != Tool.MIGRATE_ONE_TRANSACTION);
			if (tool == Tool.MIGRATE_JAR) {
				// The application's jar: the scripts and their index as resources of the class path.
				builder.locations("classpath:db/migrations")
					.classLoader(new java.net.URLClassLoader(new java.net.URL[] { workload.indexedJar().toUri().toURL() },
							ChildMain.class.getClassLoader()));
			}
			else if (tool == Tool.MIGRATE_DIR) {
				builder.locations("filesystem:" + workload.indexedDirectory());
			}
			else {
				builder.locations("filesystem:" + workload.migrateDirectory());
			}
			if (Boolean.getBoolean(Phases.PROPERTY)) {
				// The first revision's start, and every 100th revision's end.
				builder.listener(new dev.migrate.core.MigrationListener() {
					private int steps;

					@Override
					public void beforeStep(dev.migrate.core.CommandKind command, String revision) {
						if (this.steps == 0) {
							Phases.mark("first");
						}
					}

					@Override
					public void afterStep(dev.migrate.core.AppliedRevision step) {
						if (++this.steps % 100 == 0) {
							Phases.mark("r" + this.steps);
						}
					}
				});
			}
			MigrateConfig config = builder.build();
			Migrator migrator = Migrator.create(config);
			if (action == Action.DOWNGRADE) {
				migrator.downgrade("base");
			}
			else {
				migrator.upgrade("heads");
			}
		}

	}

	private static final class FlywayTool {

		static void run(Action action, Workload workload, String url, String user, String password) {
			if (action == Action.DOWNGRADE) {
				throw new IllegalArgumentException("Flyway OSS has no undo");
			}
			Flyway.configure()
				.dataSource(url, user, password)
				.locations("filesystem:" + workload.flywayDirectory())
				// Not on PostgreSQL: thousands of DDL statements in one transaction exhaust its lock table.
				.group(action == Action.SETUP && !url.startsWith("jdbc:postgresql:"))
				.load()
				.migrate();
		}

	}

	private static final class LiquibaseTool {

		static void run(Action action, Workload workload, String url, String user, String password)
				throws Exception {
			// Liquibase logs through java.util.logging; the other tools log at WARN too (logback.xml).
			Logger.getLogger("liquibase").setLevel(Level.WARNING);
			try (Connection connection = DriverManager.getConnection(url, user, password)) {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				try (DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(workload.liquibaseDirectory());
						Liquibase liquibase = new Liquibase(Workload.LIQUIBASE_CHANGELOG, accessor, database)) {
					if (action == Action.DOWNGRADE) {
						liquibase.rollback(workload.size(), (String) null);
					}
					else {
						liquibase.update(new Contexts(), new LabelExpression());
					}
				}
			}
		}

	}

	static int countTables(String url, String user, String password) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			DatabaseMetaData metaData = connection.getMetaData();
			int count = 0;
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, "t%", new String[] { "TABLE" })) {
				while (tables.next()) {
					if (tables.getString("TABLE_NAME").matches("(?i)t_[0-9]+")) {
						count++;
					}
				}
			}
			return count;
		}
	}

}
