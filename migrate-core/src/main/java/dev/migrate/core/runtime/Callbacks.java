package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.script.CallbackEvent;
import dev.migrate.core.script.CallbackScript;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.Placeholders;
import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;

/**
 * The SQL callbacks of a run ({@code beforeUpgrade.sql}, {@code afterEachRevision.sql}, ...) and where they run.
 * The once-per-run callbacks run in a transaction of their own (where the engine's DDL is transactional), as
 * Flyway runs {@code beforeMigrate.sql}; the each-revision callbacks run inside the revision's transaction, so a
 * failure in one rolls the revision back with it. The same calls write them as offline SQL.
 */
final class Callbacks {

	private static final Logger logger = LoggerFactory.getLogger(Callbacks.class);

	private static final Callbacks NONE = new Callbacks(null, null, null, Placeholders.none());

	private final ScriptDirectory scripts;

	private final SqlSyntax syntax;

	private final Dialect dialect;

	private final Placeholders placeholders;

	private Callbacks(ScriptDirectory scripts, SqlSyntax syntax, Dialect dialect, Placeholders placeholders) {
		this.scripts = scripts;
		this.syntax = syntax;
		this.dialect = dialect;
		this.placeholders = placeholders;
	}

	/**
	 * @param scripts the scripts, with their callback files
	 * @param dialect the dialect the statements are split for
	 * @param placeholders what replaces {@code ${name}} in the callbacks' statements
	 * @return the callbacks, or none when no location holds a callback file
	 */
	static Callbacks of(ScriptDirectory scripts, Dialect dialect, Placeholders placeholders) {
		if (!scripts.hasCallbacks()) {
			return NONE;
		}
		return new Callbacks(scripts, SqlSyntax.of(dialect.engine()), dialect, placeholders);
	}

	/**
	 * @return callbacks that do nothing
	 */
	static Callbacks none() {
		return NONE;
	}

	static CallbackEvent before(Direction direction) {
		return switch (direction) {
			case UPGRADE -> CallbackEvent.BEFORE_UPGRADE;
			case DOWNGRADE -> CallbackEvent.BEFORE_DOWNGRADE;
		};
	}

	static CallbackEvent after(Direction direction) {
		return switch (direction) {
			case UPGRADE -> CallbackEvent.AFTER_UPGRADE;
			case DOWNGRADE -> CallbackEvent.AFTER_DOWNGRADE;
		};
	}

	static CallbackEvent afterError(Direction direction) {
		return switch (direction) {
			case UPGRADE -> CallbackEvent.AFTER_UPGRADE_ERROR;
			case DOWNGRADE -> CallbackEvent.AFTER_DOWNGRADE_ERROR;
		};
	}

	static CallbackEvent beforeEach(Direction direction) {
		return switch (direction) {
			case UPGRADE -> CallbackEvent.BEFORE_EACH_REVISION;
			case DOWNGRADE -> CallbackEvent.BEFORE_EACH_DOWNGRADE;
		};
	}

	static CallbackEvent afterEach(Direction direction) {
		return switch (direction) {
			case UPGRADE -> CallbackEvent.AFTER_EACH_REVISION;
			case DOWNGRADE -> CallbackEvent.AFTER_EACH_DOWNGRADE;
		};
	}

	/**
	 * @return whether there is any callback file
	 */
	boolean any() {
		return this.scripts != null;
	}

	/**
	 * @param event the point
	 * @return whether any callback runs there
	 */
	boolean has(CallbackEvent event) {
		return this.scripts != null && !this.scripts.callbacks(event).isEmpty();
	}

	/**
	 * Runs (or writes) the callbacks of an event in the caller's transaction, if any.
	 * @param event the point
	 * @param sink where the statements go
	 * @param revision the revision the callback runs around, or {@code null} for a once-per-run callback
	 * @throws MigrateException naming the callback file, line and event when a statement fails
	 */
	void run(CallbackEvent event, SqlSink sink, String revision) {
		if (!has(event)) {
			return;
		}
		for (CallbackScript callback : this.scripts.callbacks(event)) {
			// ${migrate:revision} is the revision the callback runs around, or empty for a once-per-run callback.
			List<SqlStatement> statements = this.placeholders.replaceAll(callback.statements(this.syntax),
					callback.location(), (revision != null) ? revision : "");
			for (SqlStatement statement : statements) {
				try {
					sink.execute(statement.sql());
				}
				catch (SQLException ex) {
					throw new MigrateException("Callback " + callback.location() + ":" + statement.line() + " ("
							+ event.fileName() + ((revision != null) ? " for revision '" + revision + "'" : "")
							+ ") failed: " + StepFailure.outside(ex).describe() + "; fix the callback file", ex);
				}
			}
			if (sink.online()) {
				logger.debug("Ran callback {} ({} statements)", callback.location(), statements.size());
			}
		}
	}

	/**
	 * Runs (or writes) the callbacks of a once-per-run event in a transaction of their own where the engine's DDL
	 * is transactional, committed before anything else runs.
	 * @param event the point
	 * @param sink where the statements go
	 * @throws MigrateException naming the callback file and line when a statement fails (rolled back then)
	 */
	void runAlone(CallbackEvent event, SqlSink sink, Connection connection) {
		if (!has(event)) {
			return;
		}
		boolean transaction = this.dialect.transactionalDdl();
		try {
			if (transaction) {
				sink.begin();
			}
			run(event, sink, null);
			if (transaction) {
				sink.commit();
				if (connection != null) {
					connection.setAutoCommit(true);
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			sink.rollback();
			throw (ex instanceof MigrateException migrate) ? migrate
					: new MigrateException("Callback " + event.fileName() + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs the error callbacks after a run failed; their own failure is logged, not thrown, since the run's
	 * failure is what the caller reports.
	 * @param direction the run's direction
	 * @param connection the connection, back in auto-commit mode
	 * @param failure the run's failure, to which a callback's failure is added as suppressed
	 */
	void runAfterError(Direction direction, Connection connection, RuntimeException failure) {
		CallbackEvent event = afterError(direction);
		if (!has(event)) {
			return;
		}
		try {
			SqlSink.Jdbc sink = new SqlSink.Jdbc(connection);
			sink.rollback();
			runAlone(event, sink, connection);
		}
		catch (RuntimeException ex) {
			logger.warn("{}", ex.getMessage());
			failure.addSuppressed(ex);
		}
	}

}
