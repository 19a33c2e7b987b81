package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;

/**
 * The session settings a run started with, put back after a step that may have changed them (a {@code SET},
 * {@code RESET}, {@code USE} or {@code set_config} statement, or any Java migration), so the next revision starts
 * from the same state. Other steps cost nothing. See {@link Dialect#sessionRestore}.
 */
final class SessionRestore {

	private static final SessionRestore NONE = new SessionRestore(List.of());

	private final List<String> statements;

	private SessionRestore(List<String> statements) {
		this.statements = List.copyOf(statements);
	}

	/**
	 * Reads the settings a run starts with.
	 * @param dialect the engine's dialect, which knows which settings a script may change
	 * @param connection the run's connection
	 * @return the statements that put them back
	 */
	static SessionRestore read(Dialect dialect, Connection connection) {
		try {
			return new SessionRestore(dialect.sessionRestore(connection));
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the session's settings before migrating: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * @return nothing to put back, for offline SQL, which has no session
	 */
	static SessionRestore none() {
		return NONE;
	}

	/**
	 * Puts the settings back after a step that may have changed them.
	 * @param connection the run's connection
	 * @param step the step that just completed
	 */
	void after(Connection connection, PlannedStep step) {
		if (this.statements.isEmpty() || (step.body() instanceof PlannedStep.SqlBody sql
				&& sql.statements().stream().noneMatch((statement) -> changesSession(statement.sql())))) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.statements) {
				statement.execute(sql);
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Revision '" + step.revision() + "' (" + step.source() + ") was applied, but"
					+ " the session settings it changed could not be restored: " + ex.getMessage(), ex);
		}
	}

	static boolean changesSession(String sql) {
		String lower = sql.strip().toLowerCase(Locale.ROOT);
		return lower.startsWith("set ") || lower.startsWith("reset ") || lower.startsWith("use ")
				|| lower.contains("set_config");
	}

}
