package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A read of a table that may not exist yet returns the rows of one that exists, the absent value for one that
 * does not (SQLite by reading at once and taking its "no such table" error for it), and any other failure as it
 * came; on SQLite a missing table leaves an open transaction usable.
 */
class ReadIfExistsTests {

	@EachEngine({ Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB, Engine.H2 })
	void readsAnExistingTableAndTakesAMissingOneForTheAbsentValue(TestDatabase db) throws SQLException {
		db.execute("CREATE TABLE migrate_version (version_num VARCHAR(32))");
		db.execute("INSERT INTO migrate_version (version_num) VALUES ('abc')");
		Dialect dialect = DialectResolver.byName(db.engine().name().toLowerCase(Locale.ROOT));
		try (Connection connection = db.connect()) {
			assertThat(dialect.readIfExists(connection, null, "migrate_version",
					() -> versions(connection, dialect, "migrate_version"), List.of("absent")))
				.containsExactly("abc");
			assertThat(dialect.readIfExists(connection, null, "migrate_history",
					() -> versions(connection, dialect, "migrate_history"), List.of("absent")))
				.containsExactly("absent");
		}
	}

	@EachEngine({ Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB, Engine.H2 })
	void passesOnAnyOtherFailureOfTheRead(TestDatabase db) throws SQLException {
		db.execute("CREATE TABLE migrate_version (version_num VARCHAR(32))");
		Dialect dialect = DialectResolver.byName(db.engine().name().toLowerCase(Locale.ROOT));
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> dialect.readIfExists(connection, null, "migrate_version",
						() -> statement.executeQuery("SELECT no_such_column FROM migrate_version").next(), false))
				.withMessageContaining("no_such_column");
		}
	}

	@EachEngine(Engine.SQLITE)
	void aMissingTableLeavesAnOpenTransactionUsable(TestDatabase db) throws SQLException {
		db.execute("CREATE TABLE migrate_version (version_num VARCHAR(32))");
		Dialect dialect = DialectResolver.byName("sqlite");
		try (Connection connection = db.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO migrate_version (version_num) VALUES ('first')");
				assertThat(dialect.readIfExists(connection, "main", "migrate_history",
						() -> versions(connection, dialect, "main.migrate_history"), List.of())).isEmpty();
				statement.executeUpdate("INSERT INTO migrate_version (version_num) VALUES ('second')");
			}
			connection.commit();
		}
		try (Connection connection = db.connect()) {
			assertThat(versions(connection, DialectResolver.byName("sqlite"), "migrate_version"))
				.containsExactly("first", "second");
		}
	}

	private static List<String> versions(Connection connection, Dialect dialect, String table) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT version_num FROM " + table + " ORDER BY 1")) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
