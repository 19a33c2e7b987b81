package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL: transactional DDL, double-quoted identifiers.
 */
final class PostgresDialect extends AbstractDialect {

	// pg_dump output empties the search path and hand-written scripts SET ROLE: both would outlive the revision.
	@Override
	public List<String> sessionRestore(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT current_setting('search_path'), current_user = session_user, current_user")) {
			result.next();
			return List.of("SELECT pg_catalog.set_config('search_path', " + literal(result.getString(1)) + ", false)",
					result.getBoolean(2) ? "RESET ROLE" : "SET ROLE " + quote(result.getString(3)));
		}
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	PostgresDialect() {
		super(Engine.POSTGRESQL);
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public boolean sendsStatementsTogether() {
		return true;
	}

	/**
	 * "Out of shared memory" (53200) in a migration means the lock table is full: a transaction holds a lock on
	 * every table it creates or changes until it ends, which thousands of DDL statements in one transaction exceed.
	 */
	@Override
	public String failureHint(SQLException failure) {
		if (!"53200".equals(failure.getSQLState())) {
			return null;
		}
		return "PostgreSQL ran out of lock table space: one transaction holds a lock on every table it creates "
				+ "or changes until it ends, and the server has room for about max_locks_per_transaction x "
				+ "(max_connections + max_prepared_transactions) of them. Raise max_locks_per_transaction in "
				+ "postgresql.conf (it takes a server restart), or run with transactionPerMigration=true so each "
				+ "revision commits, and releases its locks, on its own";
	}

}
