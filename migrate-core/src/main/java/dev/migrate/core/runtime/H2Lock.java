package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.dialect.Dialect;

/**
 * A lock row: a second session holds {@code SELECT ... FOR UPDATE} on the one row of a small lock table in an
 * open transaction. H2 commits on every DDL statement, so the runner's own session cannot hold it; the lock
 * ends when the second session rolls back or its connection closes.
 */
final class H2Lock extends MigrationLock {

	// H2's ErrorCode.LOCK_TIMEOUT_1
	private static final int LOCK_TIMEOUT = 50200;

	private final String table;

	private final ConnectionFactory connections;

	private final Dialect dialect;

	private Connection session;

	H2Lock(String name, String table, ConnectionFactory connections, Dialect dialect) {
		super(name);
		this.table = table;
		this.connections = connections;
		this.dialect = dialect;
	}

	@Override
	boolean tryAcquire(Connection connection, Duration timeout) throws SQLException {
		Connection lockSession = this.connections.connect();
		boolean held = false;
		try {
			String id = this.dialect.quote("id");
			try (Statement statement = lockSession.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (" + id + " INT PRIMARY KEY)");
				boolean present;
				try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + this.table)) {
					present = result.next() && result.getInt(1) > 0;
				}
				if (!present) {
					try {
						statement.execute("INSERT INTO " + this.table + " (" + id + ") VALUES (1)");
					}
					catch (SQLException ex) {
						// Another runner inserted it first.
					}
				}
				lockSession.setAutoCommit(false);
				statement.execute("SET LOCK_TIMEOUT " + Math.max(1, timeout.toMillis()));
				try (ResultSet result = statement
					.executeQuery("SELECT " + id + " FROM " + this.table + " WHERE " + id + " = 1 FOR UPDATE")) {
					result.next();
				}
				held = true;
				this.session = lockSession;
				return true;
			}
			catch (SQLException ex) {
				if (ex.getErrorCode() == LOCK_TIMEOUT) {
					return false;
				}
				throw ex;
			}
		}
		finally {
			if (!held) {
				lockSession.close();
			}
		}
	}

	@Override
	void release(Connection connection) throws SQLException {
		Connection lockSession = this.session;
		this.session = null;
		if (lockSession != null) {
			try {
				lockSession.rollback();
			}
			finally {
				lockSession.close();
			}
		}
	}

	@Override
	String describe() {
		return "the row lock on " + this.table + "; H2 cannot tell which session holds it";
	}

}
