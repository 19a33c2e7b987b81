package dev.migrate.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs the configured {@code initSqls} on a connection migrate just opened, before anything else: a role
 * ({@code SET ROLE app_owner}), a lock timeout, a search path. What they set is the session a run starts from,
 * which migrate restores between revisions (see the session state in the guarantees).
 */
final class InitSql {

	private InitSql() {
	}

	/**
	 * @param connection the new connection, closed here when a statement fails
	 * @param statements the statements, in order
	 * @param database the database as messages name it
	 * @throws ConfigurationException naming the statement that failed, {@code initSqls}, and the database's error
	 */
	static void run(Connection connection, List<String> statements, String database) {
		for (int i = 0; i < statements.size(); i++) {
			String sql = statements.get(i);
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				try {
					connection.close();
				}
				catch (SQLException closing) {
					ex.addSuppressed(closing);
				}
				throw new ConfigurationException("initSqls", "Init SQL " + (i + 1) + " of " + statements.size() + " ("
						+ sql + ") failed on " + database + ": " + ex.getMessage() + "; "
						+ AdvisedSetting.INIT_SQLS.advice(), ex);
			}
		}
		if (!autoCommit(connection)) {
			commit(connection);
		}
	}

	private static boolean autoCommit(Connection connection) {
		try {
			return connection.getAutoCommit();
		}
		catch (SQLException ex) {
			return true;
		}
	}

	// A pooled connection may hand out autoCommit=false: the settings must not wait in an open transaction.
	private static void commit(Connection connection) {
		try {
			connection.commit();
		}
		catch (SQLException ex) {
			throw new ConfigurationException("initSqls", "Committing the init SQL failed: " + ex.getMessage(), ex);
		}
	}

}
