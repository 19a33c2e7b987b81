package dev.migrate.core.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.LockTimeoutException;
import dev.migrate.core.dialect.Dialect;

/**
 * One runner at a time per database and version table. Every lock belongs to a database session, so it dies
 * with its connection: a killed runner leaves no stale lock behind.
 */
abstract sealed class MigrationLock permits PostgresLock, MySqlLock, SqlServerLock, SqliteLock, H2Lock {

	private final String name;

	MigrationLock(String name) {
		this.name = name;
	}

	/**
	 * Picks the lock for the connection's engine.
	 * @param dialect the engine
	 * @param scope what is locked: the schema (or database) and version table, e.g. {@code public.migrate_version}
	 * @param lockTable the quoted, qualified table the H2 lock row lives in
	 * @param connections where the H2 lock gets its own session
	 * @return the lock, not yet held
	 */
	static MigrationLock create(Dialect dialect, String scope, String lockTable, ConnectionFactory connections) {
		String name = "migrate:" + scope;
		return switch (dialect.engine()) {
			case POSTGRESQL -> new PostgresLock(name);
			case MYSQL, MARIADB -> new MySqlLock(name);
			case SQLSERVER -> new SqlServerLock(name);
			case SQLITE -> new SqliteLock(name);
			case H2 -> new H2Lock(name, lockTable, connections, dialect);
		};
	}

	String name() {
		return this.name;
	}

	/**
	 * Waits for the lock.
	 * @param connection the runner's connection (in auto-commit mode)
	 * @param timeout how long to wait
	 * @throws LockTimeoutException if another session held it all that time
	 * @throws SQLException if the driver fails
	 */
	final void acquire(Connection connection, Duration timeout) throws SQLException {
		if (!tryAcquire(connection, timeout)) {
			String holder = null;
			try {
				holder = holder(connection);
			}
			catch (SQLException ex) {
				// Naming the holder is a courtesy; the timeout is the error.
			}
			throw new LockTimeoutException("Timed out after " + timeout.toSeconds() + " s waiting for the migration lock '"
					+ this.name + "'; " + ((holder != null) ? "it is held by " + holder
							: "another runner holds it (" + describe() + ")")
					+ ". Wait for that migration to finish, or raise lockTimeout", this.name, timeout, holder);
		}
	}

	/**
	 * @param connection the runner's connection
	 * @param timeout how long to wait
	 * @return whether the lock is held now
	 * @throws SQLException if the driver fails
	 */
	abstract boolean tryAcquire(Connection connection, Duration timeout) throws SQLException;

	/**
	 * Releases the lock; closing the connection releases it too.
	 * @param connection the runner's connection
	 * @throws SQLException if the driver fails
	 */
	abstract void release(Connection connection) throws SQLException;

	/**
	 * @param connection a connection
	 * @return who holds the lock, or {@code null} when the engine cannot tell
	 * @throws SQLException if the driver fails
	 */
	String holder(Connection connection) throws SQLException {
		return null;
	}

	/**
	 * @return what kind of lock this is, for messages
	 */
	abstract String describe();

	static long key(String name) {
		byte[] hash = sha256(name);
		long key = 0;
		for (int i = 0; i < 8; i++) {
			key = (key << 8) | (hash[i] & 0xff);
		}
		return key;
	}

	static String shortName(String name, int max) {
		if (name.length() <= max) {
			return name;
		}
		return "migrate:" + HexFormat.of().formatHex(sha256(name)).substring(0, max - 8);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
