package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A named user lock ({@code GET_LOCK}), held by the session; names are server-wide, so the lock name includes
 * the database.
 */
final class MySqlLock extends MigrationLock {

	// GET_LOCK names are limited to 64 characters.
	private final String lockName;

	MySqlLock(String name) {
		super(name);
		this.lockName = shortName(name, 64);
	}

	@Override
	boolean tryAcquire(Connection connection, Duration timeout) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
			statement.setString(1, this.lockName);
			statement.setDouble(2, Math.max(0, timeout.toMillis()) / 1000.0);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	@Override
	void release(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, this.lockName);
			statement.execute();
		}
	}

	@Override
	String holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT p.ID, p.USER, p.HOST, p.TIME "
				+ "FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)")) {
			statement.setString(1, this.lockName);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return "connection " + result.getLong(1) + " (user " + result.getString(2) + ", host "
							+ result.getString(3) + ", busy for " + result.getLong(4) + " s)";
				}
			}
		}
		return null;
	}

	@Override
	String describe() {
		return "GET_LOCK('" + this.lockName + "')";
	}

}
