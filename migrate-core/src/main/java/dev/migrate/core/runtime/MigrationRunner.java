package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;

/**
 * Runs planned steps, online on a connection or offline as SQL text, through one loop ({@link #runEach}) and one
 * {@link SqlSink}: the sink executes or writes every statement and every {@code BEGIN}/{@code COMMIT}, so offline
 * SQL is what an online run would execute (Alembic's single execution path). Per step the loop picks how it runs:
 * as a whole, in one transaction where it can ({@link WholeStep}), or online statement by statement with progress
 * ({@link ProgressRun}); {@link #run} may instead run the whole plan in one transaction. What a failure leaves is
 * worded by {@link StepRecovery}; the session's settings are put back by {@link SessionRestore}.
 */
final class MigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final Listeners listeners;

	private final LockWait lockWait;

	private final String installedBy;

	// SQL callbacks around each step (beforeEachRevision.sql, ...), inside the step's transaction when it has one.
	private Callbacks callbacks = Callbacks.none();

	MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable,
			Listeners listeners, String installedBy) {
		this(dialect, versionTable, historyTable, listeners, installedBy, LockWait.SERVER_DEFAULT);
	}

	MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable,
			Listeners listeners, String installedBy, LockWait lockWait) {
		this.lockWait = lockWait;
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.listeners = listeners;
		this.installedBy = installedBy;
	}

	/**
	 * Sets the SQL callbacks that run around each step, online and offline.
	 * @param callbacks the callbacks
	 * @return this runner
	 */
	MigrationRunner callbacks(Callbacks callbacks) {
		this.callbacks = callbacks;
		return this;
	}

	/**
	 * Whether a step runs inside a transaction.
	 * @param step the step
	 * @return {@code true} when its script is transactional and the engine's DDL is too
	 */
	boolean transactional(PlannedStep step) {
		return step.transactional() && this.dialect.transactionalDdl();
	}

	/**
	 * Runs steps on a connection the caller holds the migration lock on.
	 * @param connection the connection, in auto-commit mode (and in it again afterwards)
	 * @param command the command, for listeners
	 * @param steps the steps, in order
	 * @param wholePlan whether to run every step in one transaction (every step must be
	 * {@link #transactional(PlannedStep)})
	 * @return what ran
	 */
	List<AppliedRevision> run(Connection connection, CommandKind command, List<PlannedStep> steps,
			boolean wholePlan) {
		if (steps.isEmpty()) {
			return new ArrayList<>();
		}
		SessionRestore restore = SessionRestore.read(this.dialect, connection);
		SqlSink.Jdbc sink = new SqlSink.Jdbc(connection);
		boolean sessionLockWait = this.lockWait.timeout() != null && this.dialect.lockTimeoutReset() != null;
		try (HistoryWriter history = this.historyTable.writer(connection)) {
			StepExecutor executor = new StepExecutor(this.dialect, history);
			StepRecovery recovery = new StepRecovery(this.dialect, this.versionTable, this.historyTable, history,
					this.lockWait, this.installedBy);
			if (sessionLockWait) {
				sink.execute(this.dialect.lockTimeoutStatement(this.lockWait.timeout()));
			}
			if (wholePlan) {
				return runInOneTransaction(sink, command, steps, executor, history, recovery);
			}
			WholeStep whole = new WholeStep(this.dialect, this.versionTable, executor, this.lockWait, history,
					recovery, this.installedBy).callbacks(this.callbacks);
			ProgressRun progress = new ProgressRun(this.dialect, this.versionTable, this.historyTable, history,
					executor, recovery, this.installedBy).callbacks(this.callbacks);
			return runEach(sink, command, steps, whole, progress, restore);
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not set the lock wait (ddlLockTimeout): " + ex.getMessage(), ex);
		}
		finally {
			if (sessionLockWait) {
				resetLockWait(sink);
			}
			// Steps leave the connection in manual-commit mode between them (switching costs a round trip on
			// some drivers); nothing is left uncommitted here.
			try {
				if (!connection.getAutoCommit()) {
					connection.setAutoCommit(true);
				}
			}
			catch (SQLException ex) {
				logger.warn("Could not restore auto-commit: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Writes steps as offline SQL (Alembic's {@code --sql}): per step a comment, its statements and its
	 * version-row change, inside {@code BEGIN}/{@code COMMIT} where the step would run in a transaction online.
	 * @param sink the text sink
	 * @param command the command, for listeners
	 * @param steps the steps, in order
	 * @throws MigrateException for a Java migration, which has no SQL to write
	 */
	void write(SqlSink.Text sink, CommandKind command, List<PlannedStep> steps) {
		runEach(sink, command, steps, WholeStep.offline(this.dialect, this.versionTable).callbacks(this.callbacks),
				null, SessionRestore.none());
	}

	/**
	 * The one per-step loop, online and offline.
	 * @param progress how steps that cannot run in a transaction run online; {@code null} offline, where every
	 * step runs whole
	 */
	private List<AppliedRevision> runEach(SqlSink sink, CommandKind command, List<PlannedStep> steps,
			WholeStep whole, ProgressRun progress, SessionRestore restore) {
		List<AppliedRevision> applied = new ArrayList<>();
		for (int n = 0; n < steps.size(); n++) {
			PlannedStep step = steps.get(n);
			PlannedStep next = (n + 1 < steps.size()) ? steps.get(n + 1) : null;
			this.listeners.beforeStep(command, step.revision());
			sink.comment("Running " + step.verb() + " " + String.join(", ", step.rowsBefore()) + " -> "
					+ String.join(", ", step.rowsAfter()) + " (" + step.revision() + ": " + step.message() + ")");
			Instant startedAt = Instant.now();
			long start = System.nanoTime();
			try {
				if (progress == null || transactional(step)) {
					whole.run(sink, step, transactional(step), startedAt, start);
				}
				else {
					progress.run((SqlSink.Jdbc) sink, step, startedAt, start, next,
							next != null && !transactional(next));
				}
			}
			catch (MigrateException ex) {
				this.listeners.onFailure(command, step.revision(), ex);
				throw ex;
			}
			if (sink instanceof SqlSink.Jdbc jdbc) {
				restore.after(jdbc.connection(), step);
			}
			AppliedRevision result = applied(step, start, sink.online());
			applied.add(result);
			this.listeners.afterStep(result);
		}
		return applied;
	}

	/**
	 * Runs every step in one transaction. Inside it only the end state matters, so each step runs just its
	 * statements; the version table moves from the first step's rows to the last step's in one change, and
	 * the history rows go in as one batch, before the commit.
	 */
	private List<AppliedRevision> runInOneTransaction(SqlSink.Jdbc sink, CommandKind command,
			List<PlannedStep> steps, StepExecutor executor, HistoryWriter history, StepRecovery recovery) {
		List<AppliedRevision> applied = new ArrayList<>();
		List<HistoryRow> rows = new ArrayList<>();
		PlannedStep first = steps.get(0);
		Instant runStartedAt = Instant.now();
		long runStart = System.nanoTime();
		try {
			sink.begin();
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not start the migration transaction: " + ex.getMessage()
					+ "; nothing of this run was applied", ex);
		}
		for (PlannedStep step : steps) {
			this.listeners.beforeStep(command, step.revision());
			Instant startedAt = Instant.now();
			long start = System.nanoTime();
			StepFailure failure;
			try {
				this.callbacks.run(Callbacks.beforeEach(step.direction()), sink, step.revision());
				failure = executor.execute(sink.connection(), sink, step, 0, null, null);
				if (failure == null) {
					this.callbacks.run(Callbacks.afterEach(step.direction()), sink, step.revision());
				}
			}
			catch (RuntimeException ex) {
				failure = StepFailure.outside(ex);
			}
			if (failure != null) {
				MigrateException ex = recovery.rolledBack(sink, step, startedAt, start, failure, true, 0);
				this.listeners.onFailure(command, step.revision(), ex);
				throw ex;
			}
			rows.add(HistoryRow.succeeded(step, this.installedBy, startedAt, millisSince(start), 0, null));
			applied.add(applied(step, start, true));
		}
		PlannedStep last = steps.get(steps.size() - 1);
		try {
			this.versionTable.update(sink, first.rowsBefore(), last.rowsAfter());
			history.appendAll(rows);
		}
		catch (SQLException | RuntimeException ex) {
			// The version rows the plan started from were not there: blame the first step, as a run of one
			// transaction per step would have.
			MigrateException failure = recovery.rolledBack(sink, first, runStartedAt, runStart,
					StepFailure.outside(ex), true, 0);
			this.listeners.onFailure(command, first.revision(), failure);
			throw failure;
		}
		try {
			sink.commit();
		}
		catch (SQLException ex) {
			sink.rollback();
			throw new MigrateException("Could not commit the migration transaction: " + ex.getMessage()
					+ recovery.lockTableHint(ex) + "; nothing of this run was applied", ex);
		}
		applied.forEach(this.listeners::afterStep);
		return applied;
	}

	private AppliedRevision applied(PlannedStep step, long start, boolean online) {
		AppliedRevision result = new AppliedRevision(step.revision(), step.message(), step.kind(), millisSince(start),
				step.rowsBefore(), step.rowsAfter());
		if (online) {
			logger.info("{} '{}' ({}) in {} ms", step.upgrade() ? "Upgraded to" : "Reverted", step.revision(),
					step.message(), result.executionMillis());
		}
		return result;
	}

	private void resetLockWait(SqlSink sink) {
		try {
			sink.execute(this.dialect.lockTimeoutReset());
		}
		catch (SQLException ex) {
			logger.warn("Could not reset the lock wait (ddlLockTimeout): {}", ex.getMessage());
		}
	}

	static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
