package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * An application lock ({@code sp_getapplock}) owned by the session, so it survives the runner's commits and
 * dies with its connection.
 */
final class SqlServerLock extends MigrationLock {

	// sp_getapplock resource names are limited to 255 characters.
	private final String resource;

	SqlServerLock(String name) {
		super(name);
		this.resource = shortName(name, 255);
	}

	@Override
	boolean tryAcquire(Connection connection, Duration timeout) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SET NOCOUNT ON; DECLARE @result INT; "
				+ "EXEC @result = sp_getapplock @Resource = ?, @LockMode = 'Exclusive', @LockOwner = 'Session', "
				+ "@LockTimeout = ?; SELECT @result")) {
			statement.setString(1, this.resource);
			statement.setInt(2, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
			try (ResultSet result = statement.executeQuery()) {
				// 0 granted, 1 granted after waiting; negative: timeout, cancelled, deadlock or error
				return result.next() && result.getInt(1) >= 0;
			}
		}
	}

	@Override
	void release(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("EXEC sp_releaseapplock @Resource = ?, @LockOwner = 'Session'")) {
			statement.setString(1, this.resource);
			statement.execute();
		}
	}

	@Override
	String holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT TOP 1 s.session_id, s.login_name, "
				+ "s.host_name, s.program_name FROM sys.dm_tran_locks l JOIN sys.dm_exec_sessions s "
				+ "ON s.session_id = l.request_session_id WHERE l.resource_type = 'APPLICATION' "
				+ "AND l.request_status = 'GRANT' AND l.resource_description LIKE ?")) {
			statement.setString(1, "%" + this.resource.replace("[", "[[]").replace("%", "[%]").replace("_", "[_]")
					+ "%");
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return "session " + result.getInt(1) + " (login " + result.getString(2) + ", host "
							+ result.getString(3) + ", program '" + result.getString(4) + "')";
				}
			}
		}
		return null;
	}

	@Override
	String describe() {
		return "sp_getapplock '" + this.resource + "'";
	}

}
