package dev.migrate.core.autogen;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

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
			int scratchBefore = db.engine().isServer() ? scratchLeft(connection) : 0;
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> autogenerate.loadModel(connection, BROKEN, "schema.sql"))
				.withMessageStartingWith("The model schema.sql failed at line 2 (create table bad_table (id integer"
						+ " primary key, other_id integer references m...): ")
				.withMessageEndingWith("; fix the model file");
			assertThat(autogenerate.loadModel(connection, "create table t (id integer)", "schema.sql").tables())
				.hasSize(1);
			assertThat(autogenerate.reflect(connection).tables()).isEmpty();
			if (db.engine().isServer()) {
				assertThat(scratchLeft(connection)).isEqualTo(scratchBefore);
			}
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB })
	void loadsTheModelOnADevDatabaseWhenOneIsNamed(TestDatabase db) throws SQLException {
		String engine = AutogenerateRoundTripTests.engine(db);
		try (TestDatabase dev = TestDatabases.create(db.engine()); Connection connection = db.connect()) {
			Autogenerate autogenerate = Autogenerate.forEngine(engine, Set.of())
				.withDevDatabase(dev.url(), dev.user(), dev.password());
			int scratchBefore;
			try (Connection devConnection = dev.connect()) {
				scratchBefore = scratchLeft(devConnection);
			}
			SchemaModel model = autogenerate.loadModel(connection, "create table t (id integer primary key)", "m");
			assertThat(model.tables()).extracting(Table::name).containsExactly("t");
			assertThat(autogenerate.reflect(connection).tables()).isEmpty();
			try (Connection devConnection = dev.connect()) {
				assertThat(scratchLeft(devConnection)).isEqualTo(scratchBefore);
			}
		}
	}

	// The servers are shared with other test runs: compare with the count before, not with zero.
	private static int scratchLeft(Connection connection) throws SQLException {
		// PostgreSQL schemas and MySQL/MariaDB databases are both listed here
		String sql = "select count(*) from information_schema.schemata where schema_name like 'migrate_model_%'";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
