package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * SQLite's exclusive locking mode: after {@code PRAGMA locking_mode = EXCLUSIVE} and one exclusive
 * transaction, the connection keeps the database file's exclusive lock until it releases it or closes. Other
 * connections, in this process or another, wait up to the busy timeout.
 */
final class SqliteLock extends MigrationLock {

	private static final int SQLITE_BUSY = 5;

	// The connection's own busy timeout, restored on release: pooled connections go back to the application.
	private int previousBusyTimeout = -1;

	SqliteLock(String name) {
		super(name);
	}

	@Override
	boolean tryAcquire(Connection connection, Duration timeout) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			try (ResultSet result = statement.executeQuery("PRAGMA busy_timeout")) {
				this.previousBusyTimeout = result.next() ? result.getInt(1) : -1;
			}
			statement.execute("PRAGMA busy_timeout = " + Math.max(1, timeout.toMillis()));
			statement.execute("PRAGMA locking_mode = EXCLUSIVE");
			try {
				statement.execute("BEGIN EXCLUSIVE");
			}
			catch (SQLException ex) {
				if (ex.getErrorCode() == SQLITE_BUSY
						|| String.valueOf(ex.getMessage()).toUpperCase(Locale.ROOT).contains("SQLITE_BUSY")) {
					statement.execute("PRAGMA locking_mode = NORMAL");
					return false;
				}
				throw ex;
			}
			statement.execute("COMMIT");
			return true;
		}
	}

	@Override
	void release(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA locking_mode = NORMAL");
			// The exclusive lock goes the next time the file is read.
			statement.execute("SELECT COUNT(*) FROM sqlite_master");
			if (this.previousBusyTimeout >= 0) {
				statement.execute("PRAGMA busy_timeout = " + this.previousBusyTimeout);
			}
		}
	}

	@Override
	String describe() {
		return "the SQLite database file's exclusive lock; SQLite cannot tell which process holds it";
	}

}
