package dev.migrate.core.dialect;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the server does with statements sent together after one of them fails, as each dialect claims
 * ({@link Dialect#stopsAtFirstFailure()}): PostgreSQL runs none of the rest, so a step may be sent with its
 * {@code COMMIT}; MariaDB runs them all, so DDL may not travel with the bookkeeping it depends on.
 */
class StopsAtFirstFailureTests {

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB })
	void theServerRunsTheRestOfABatchAfterAFailureExactlyWhenTheDialectSaysSo(TestDatabase db) throws SQLException {
		Dialect dialect = DialectResolver.byName(db.engine().name().toLowerCase(java.util.Locale.ROOT));
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE after_failure (id INT)");
			connection.setAutoCommit(false);
			statement.addBatch("INSERT INTO no_such_table (id) VALUES (1)");
			statement.addBatch("INSERT INTO after_failure (id) VALUES (2)");
			statement.addBatch("COMMIT");
			assertThatExceptionOfType(BatchUpdateException.class).isThrownBy(statement::executeBatch);
			connection.rollback();
			connection.setAutoCommit(true);
			try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM after_failure")) {
				result.next();
				assertThat(result.getInt(1) == 0).as("nothing after the failure ran")
					.isEqualTo(dialect.stopsAtFirstFailure());
			}
		}
	}

}
