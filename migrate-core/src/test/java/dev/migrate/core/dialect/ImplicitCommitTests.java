package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements MariaDB's dialect counts on to commit the bookkeeping written before them do commit it on the
 * server, and the ones it does not count on do not: a row inserted before each statement, then rolled back,
 * survives exactly when the dialect says so.
 */
class ImplicitCommitTests {

	@EachEngine(Engine.MARIADB)
	void theDialectSaysWhichStatementsCommitTheOpenTransaction(TestDatabase db) throws SQLException {
		Dialect dialect = DialectResolver.byName("mariadb");
		List<String> statements = List.of("CREATE TABLE t_create (id INT)", "ALTER TABLE t_create ADD name INT",
				"create index i_name on t_create (name)", "RENAME TABLE t_create TO t_renamed",
				"TRUNCATE TABLE t_renamed", "DROP TABLE t_renamed", "CREATE TEMPORARY TABLE t_temp (id INT)",
				"CREATE OR REPLACE TEMPORARY TABLE t_temp (id INT)", "DROP TEMPORARY TABLE t_temp",
				"INSERT INTO bookkeeping (id) VALUES (0)", "SET @x = 1", "-- a comment\nCREATE TABLE t_late (id INT)");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bookkeeping (id INT)");
			connection.setAutoCommit(false);
			int id = 0;
			for (String sql : statements) {
				statement.execute("INSERT INTO bookkeeping (id) VALUES (" + (++id) + ")");
				statement.execute(sql);
				connection.rollback();
				boolean survived;
				try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM bookkeeping WHERE id = " + id)) {
					result.next();
					survived = result.getInt(1) == 1;
				}
				// The dialect may say no where the server does commit (a statement starting with a comment),
				// never yes where it does not.
				if (dialect.commitsImplicitly(sql)) {
					assertThat(survived).as(sql).isTrue();
				}
				else if (!sql.startsWith("--")) {
					assertThat(survived).as(sql).isFalse();
				}
			}
			assertThat(dialect.commitsImplicitly("CREATE TABLE t (id INT)")).isTrue();
			assertThat(dialect.commitsImplicitly("CREATE TEMPORARY TABLE t (id INT)")).isFalse();
		}
	}

}
