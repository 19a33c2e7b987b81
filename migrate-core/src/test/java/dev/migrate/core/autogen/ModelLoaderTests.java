package dev.migrate.core.autogen;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.migrate.core.MigrateException;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.core.ops.Table;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Loading the model into a scratch database: the failing statement is named, and nothing is left behind on the
 * server.
 */
class ModelLoaderTests {

	private static final String BROKEN = "create table ok_table (id integer primary key);\n"
			+ "create table bad_table (id integer primary key, other_id integer references missing_table (id));\n";

	@EachEngine(exclude = { Engine.MYSQL, Engine.SQLSERVER, Engine.SQLITE })
	void namesTheModelStatementThatFailsAndLeavesNothingBehind(TestDatabase db) throws SQLException {
		String engine = AutogenerateRoundTripTests.engine(db);
		Autogenerate autogenerate = Autogenerate.forEngine(engine, Set.of());
		try (Connection connection = db.connect()) {
			Set<String> scratchBefore = db.engine().isServer() ? scratchLeft(connection) : Set.of();
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> autogenerate.loadModel(connection, BROKEN, "schema.sql"))
				.withMessageStartingWith("The model schema.sql failed at line 2 (create table bad_table (id integer"
						+ " primary key, other_id integer references m...): ")
				.withMessageEndingWith("; fix the model file");
			assertThat(autogenerate.loadModel(connection, "create table t (id integer)", "schema.sql").tables())
				.hasSize(1);
			assertThat(autogenerate.reflect(connection).tables()).isEmpty();
			if (db.engine().isServer()) {
				assertNoneLeft(connection, scratchBefore);
			}
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB })
	void loadsTheModelOnADevDatabaseWhenOneIsNamed(TestDatabase db) throws SQLException {
		String engine = AutogenerateRoundTripTests.engine(db);
		try (TestDatabase dev = TestDatabases.create(db.engine()); Connection connection = db.connect()) {
			Autogenerate autogenerate = Autogenerate.forEngine(engine, Set.of())
				.withDevDatabase(dev.url(), dev.user(), dev.password());
			Set<String> scratchBefore;
			try (Connection devConnection = dev.connect()) {
				scratchBefore = scratchLeft(devConnection);
			}
			SchemaModel model = autogenerate.loadModel(connection, "create table t (id integer primary key)", "m");
			assertThat(model.tables()).extracting(Table::name).containsExactly("t");
			assertThat(autogenerate.reflect(connection).tables()).isEmpty();
			try (Connection devConnection = dev.connect()) {
				assertNoneLeft(devConnection, scratchBefore);
			}
		}
	}

	// The servers are shared with other test runs, whose scratch schemas come and go: a name that was not there
	// before must be gone within a while (another run's finishes and is dropped; one left here never is).
	private static void assertNoneLeft(Connection connection, Set<String> before) throws SQLException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		Set<String> left = new TreeSet<>(scratchLeft(connection));
		left.removeAll(before);
		while (!left.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			left.retainAll(scratchLeft(connection));
		}
		assertThat(left).as("scratch schemas left behind").isEmpty();
	}

	private static Set<String> scratchLeft(Connection connection) throws SQLException {
		// PostgreSQL schemas and MySQL/MariaDB databases are both listed here
		String sql = "select schema_name from information_schema.schemata where schema_name like 'migrate_model_%'";
		Set<String> names = new HashSet<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

}
