package dev.migrate.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.core.report.SqlLiterals;

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
				SQLException cause = masked(sql, ex);
				try {
					connection.close();
				}
				catch (SQLException closing) {
					cause.addSuppressed(closing);
				}
				// The statement and the database's message both go through the mask: a literal may be a secret.
				throw new ConfigurationException("initSqls", SqlLiterals.mask(sql, "Init SQL " + (i + 1) + " of "
						+ statements.size() + " (" + sql + ") failed on " + database + ": " + ex.getMessage()) + "; "
						+ AdvisedSetting.INIT_SQLS.advice(), cause);
			}
		}
		if (!autoCommit(connection)) {
			commit(connection);
		}
	}

	// The cause keeps the database's state and code; its message is masked like the one above, since a stack
	// trace prints it too.
	private static SQLException masked(String sql, SQLException ex) {
		SQLException masked = new SQLException(SqlLiterals.mask(sql, ex.getMessage()), ex.getSQLState(),
				ex.getErrorCode());
		masked.setStackTrace(ex.getStackTrace());
		return masked;
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
