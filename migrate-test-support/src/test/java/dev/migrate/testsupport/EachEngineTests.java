package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;

import static org.assertj.core.api.Assertions.assertThat;

class EachEngineTests {

	private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

	@EachEngine
	void handsEachEngineAFreshEmptyDatabase(TestDatabase database, Engine engine) throws SQLException {
		assertThat(database.engine()).isEqualTo(engine);
		assertThat(database.name()).matches("mt_[0-9a-f]{10}");
		assertThat(NAMES.add(database.name())).as("unique name").isTrue();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE probe (id INT PRIMARY KEY)");
			statement.execute("INSERT INTO probe (id) VALUES (1)");
			try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM probe")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(1);
			}
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB })
	void dropsTheServerDatabaseOnClose(Engine engine) throws SQLException {
		TestDatabase database = TestDatabases.create(engine);
		String name = database.name();
		database.close();
		try (TestDatabase other = TestDatabases.create(engine); Connection connection = other.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery((engine == Engine.POSTGRESQL)
						? "SELECT COUNT(*) FROM pg_database WHERE datname = '" + name + "'"
						: "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'")) {
			rows.next();
			assertThat(rows.getInt(1)).isZero();
		}
	}

	@AfterAll
	static void everyInvocationGotItsOwnName() {
		assertThat(NAMES).doesNotHaveDuplicates();
	}

}
