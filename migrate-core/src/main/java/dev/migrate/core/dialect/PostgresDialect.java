package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL: transactional DDL, double-quoted identifiers, the default schema is the {@code search_path}.
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

	// One indexed catalog row (pg_class by name and schema). The driver's getTables matches names with LIKE over
	// the whole catalog, whose size grows with every tenant schema of the database: a fleet of 1,000 schemas
	// paid it twice per tenant.
	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		String sql = "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE c.relname IN (?, ?, ?) AND n.nspname = " + ((schema != null) ? "?" : "current_schema()");
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, table);
			statement.setString(2, table.toLowerCase(Locale.ROOT));
			statement.setString(3, table.toUpperCase(Locale.ROOT));
			if (schema != null) {
				statement.setString(4, schema);
			}
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	// The whole search_path is kept and restored: the driver's getSchema/setSchema see only its first entry.
	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String previous;
			try (ResultSet result = statement.executeQuery("SHOW search_path")) {
				result.next();
				previous = result.getString(1);
			}
			statement.execute("SET search_path TO " + quote(schema));
			return previous;
		}
	}

	@Override
	public void restoreSchema(Connection connection, String previous) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
			statement.setString(1, previous);
			statement.execute();
		}
	}

	@Override
	public boolean sendsStatementsTogether() {
		return true;
	}

	@Override
	public boolean stopsAtFirstFailure() {
		return true;
	}

	// A DO block: plpgsql ships with every PostgreSQL since 9.0, and FOUND is its "a row changed" flag.
	@Override
	public String failUnlessRowChanged(String statement, String failure) {
		return "DO $migrate$BEGIN " + statement + "; IF NOT FOUND THEN RAISE EXCEPTION " + literal(failure)
				+ "; END IF; END$migrate$";
	}

	// now() is the transaction's start; the step's statements run in the round trip that writes its history row.
	@Override
	public String transactionMillis() {
		return "CAST(EXTRACT(EPOCH FROM clock_timestamp() - now()) * 1000 AS BIGINT)";
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

	@Override
	public String lockTimeoutStatement(Duration timeout) {
		// SET LOCAL ends with the transaction, so the setting never leaks into a pooled connection.
		return "SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'";
	}

	@Override
	public boolean isLockTimeout(SQLException failure) {
		return "55P03".equals(failure.getSQLState());
	}

	@Override
	public List<String> lockHolders(Connection connection, Collection<String> names) throws SQLException {
		String sql = "SELECT DISTINCT a.pid, a.usename, a.query_start, a.xact_start, a.state, left(a.query, 120)"
				+ " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid JOIN pg_class c ON c.oid = l.relation"
				+ " WHERE l.granted AND l.pid <> pg_backend_pid() AND a.datname = current_database()"
				+ " AND c.relname = ANY (?) ORDER BY a.xact_start";
		List<String> holders = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("text", names.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					holders.add("pid " + rows.getInt(1) + " (user " + rows.getString(2) + ", transaction since "
							+ rows.getTimestamp(4) + ", query since " + rows.getTimestamp(3) + ", " + rows.getString(5)
							+ ": " + rows.getString(6).strip().replaceAll("\\s+", " ") + ")");
				}
			}
		}
		return holders;
	}

}
