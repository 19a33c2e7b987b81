package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manual-commit control of the runner's connection. Between steps the connection stays in manual-commit mode
 * (switching costs a round trip on some drivers); a rollback returns it to auto-commit.
 */
final class Transactions {

	private static final Logger logger = LoggerFactory.getLogger(Transactions.class);

	private Transactions() {
	}

	/**
	 * Starts a transaction: turns auto-commit off unless it already is.
	 * @param connection the connection
	 * @throws SQLException if the driver fails
	 */
	static void begin(Connection connection) throws SQLException {
		if (connection.getAutoCommit()) {
			connection.setAutoCommit(false);
		}
	}

	/**
	 * Rolls back an open transaction and returns to auto-commit; a failure is logged, not thrown, since the
	 * caller is already reporting one.
	 * @param connection the connection
	 */
	static void rollback(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			logger.warn("Rollback failed: {}", ex.getMessage());
		}
	}

}
