package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A session-level advisory lock ({@code pg_advisory_lock}) keyed by a hash of the lock name; the wait is
 * bounded by {@code lock_timeout}.
 */
final class PostgresLock extends MigrationLock {

	private final long key;

	PostgresLock(String name) {
		super(name);
		this.key = key(name);
	}

	@Override
	boolean tryAcquire(Connection connection, Duration timeout) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// PostgreSQL 14+: notice a dead client during a long statement, so a killed runner's transaction is
			// rolled back and its lock released within a second instead of when the statement ends.
			statement.execute("SET client_connection_check_interval = 1000");
		}
		catch (SQLException ex) {
			// Older servers do not have the setting; their locks still end when the statement does.
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
			return true;
		}
		catch (SQLException ex) {
			if ("55P03".equals(ex.getSQLState())) {
				return false;
			}
			throw ex;
		}
		finally {
			try (Statement statement = connection.createStatement()) {
				statement.execute("RESET lock_timeout");
			}
		}
	}

	@Override
	void release(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET client_connection_check_interval");
		}
		catch (SQLException ex) {
			// Older servers do not have the setting.
		}
	}

	@Override
	String holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT a.pid, a.usename, a.client_addr, "
				+ "a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
				+ "WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1")) {
			statement.setLong(1, (this.key >>> 32) & 0xffffffffL);
			statement.setLong(2, this.key & 0xffffffffL);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return "PostgreSQL backend pid " + result.getInt(1) + " (user " + result.getString(2) + ", client "
							+ result.getString(3) + ", application '" + result.getString(4) + "', connected since "
							+ result.getTimestamp(5).toInstant() + ")";
				}
			}
		}
		return null;
	}

	@Override
	String describe() {
		return "PostgreSQL advisory lock " + this.key;
	}

}
