package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.dialect.Dialect;

/**
 * Runs planned steps on a connection: the run strategies (each step in its transaction, statement by statement
 * with progress, or the whole plan in one transaction) and their bookkeeping. What the failure left is worded by
 * {@link FailureNarrative}, where a step resumes is decided by {@link ResumeDecision}, offline SQL is written by
 * {@link OfflineWriter} through the same {@link SqlSink} calls.
 *
 * <p>Over 400 lines because the three strategies share the step bookkeeping, and a step in one transaction
 * retries when it times out waiting for another session's lock.
 *
 * <p>Online, a step whose script is transactional on an engine with transactional DDL runs in one
 * transaction with its version-row changes and its history row (or the whole plan runs in one, when asked).
 * Any other step runs statement by statement: each statement commits with a progress update of its history
 * row, so a failed run can be resumed after the last statement that succeeded, and nothing runs twice.
 * Bookkeeping is kept to one commit per such step where that says as much: the last statement's progress
 * goes with the step's completion, and the next step's in-progress row with that too.
 */
final class MigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final Listeners listeners;

	private final LockWait lockWait;

	private final String installedBy;

	private ResumeDecision resume;

	// Statements that put back the session settings the run started with (see Dialect#sessionRestore).
	private List<String> sessionRestore = List.of();

	private HistoryTable.Writer history;

	private Opened opened;

	private StepExecutor executor;

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
	 * Sets the SQL callbacks that run around each step.
	 * @param callbacks the callbacks
	 * @return this runner
	 */
	MigrationRunner callbacks(Callbacks callbacks) {
		this.callbacks = callbacks;
		return this;
	}

	/**
	 * Whether a step runs inside a transaction online.
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
	List<AppliedRevision> run(Connection connection, String command, List<PlannedStep> steps, boolean wholePlan) {
		this.resume = new ResumeDecision(this.historyTable);
		this.opened = null;
		if (steps.isEmpty()) {
			return new ArrayList<>();
		}
		try {
			this.sessionRestore = this.dialect.sessionRestore(connection);
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the session's settings before migrating: " + ex.getMessage(),
					ex);
		}
		SqlSink sink = new SqlSink.Jdbc(connection);
		boolean sessionLockWait = this.lockWait.timeout() != null && this.dialect.lockTimeoutReset() != null;
		try (HistoryTable.Writer history = this.historyTable.writer(connection)) {
			this.history = history;
			this.executor = new StepExecutor(this.dialect, history);
			if (sessionLockWait) {
				sink.execute(this.dialect.lockTimeoutStatement(this.lockWait.timeout()));
			}
			return wholePlan ? runInOneTransaction(connection, sink, command, steps)
					: runEach(connection, sink, command, steps);
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not set the lock wait (ddlLockTimeout): " + ex.getMessage(), ex);
		}
		finally {
			if (sessionLockWait) {
				resetLockWait(sink);
			}
			this.history = null;
			this.executor = null;
			this.opened = null;
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

	private List<AppliedRevision> runEach(Connection connection, SqlSink sink, String command, List<PlannedStep> steps) {
		List<AppliedRevision> applied = new ArrayList<>();
		for (int n = 0; n < steps.size(); n++) {
			PlannedStep step = steps.get(n);
			PlannedStep next = (n + 1 < steps.size()) ? steps.get(n + 1) : null;
			this.listeners.beforeStep(command, step.revision());
			Instant startedAt = Instant.now();
			long start = System.nanoTime();
			try {
				if (transactional(step)) {
					runInTransaction(connection, sink, step, startedAt, start);
				}
				else {
					runWithProgress(connection, sink, step, startedAt, start, next);
				}
			}
			catch (MigrateException ex) {
				this.listeners.onFailure(command, step.revision(), ex);
				throw ex;
			}
			restoreSession(connection, step);
			AppliedRevision result = applied(step, start);
			applied.add(result);
			this.listeners.afterStep(result);
		}
		return applied;
	}

	/**
	 * Puts back the session settings the run started with after a step that may have changed them (a
	 * {@code SET}, {@code RESET}, {@code USE} or {@code set_config} statement, or any Java migration), so the
	 * next revision starts from the same state. Other steps cost nothing.
	 */
	private void restoreSession(Connection connection, PlannedStep step) {
		if (this.sessionRestore.isEmpty() || (step.body() instanceof PlannedStep.SqlBody sql
				&& sql.statements().stream().noneMatch((statement) -> changesSession(statement.sql())))) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.sessionRestore) {
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

	/**
	 * Runs every step in one transaction. Inside it only the end state matters, so each step runs just its
	 * statements; the version table moves from the first step's rows to the last step's in one change, and
	 * the history rows go in as one batch, before the commit.
	 */
	private List<AppliedRevision> runInOneTransaction(Connection connection, SqlSink sink, String command,
			List<PlannedStep> steps) {
		List<AppliedRevision> applied = new ArrayList<>();
		List<HistoryTable.Row> rows = new ArrayList<>();
		PlannedStep first = steps.get(0);
		Instant runStartedAt = Instant.now();
		long runStart = System.nanoTime();
		try {
			Transactions.begin(connection);
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
				failure = this.executor.execute(connection, sink, step, 0, null, null);
				if (failure == null) {
					this.callbacks.run(Callbacks.afterEach(step.direction()), sink, step.revision());
				}
			}
			catch (RuntimeException ex) {
				failure = StepFailure.outside(ex);
			}
			if (failure != null) {
				MigrateException ex = rolledBack(connection, step, startedAt, start, failure, true);
				this.listeners.onFailure(command, step.revision(), ex);
				throw ex;
			}
			rows.add(HistoryRows.succeeded(step, this.installedBy, startedAt, millisSince(start), 0, null));
			applied.add(applied(step, start));
		}
		PlannedStep last = steps.get(steps.size() - 1);
		try {
			this.versionTable.update(sink, first.rowsBefore(), last.rowsAfter());
			this.history.appendAll(rows);
		}
		catch (SQLException | RuntimeException ex) {
			// The version rows the plan started from were not there: blame the first step, as a run of one
			// transaction per step would have.
			MigrateException failure = rolledBack(connection, first, runStartedAt, runStart, StepFailure.outside(ex),
					true);
			this.listeners.onFailure(command, first.revision(), failure);
			throw failure;
		}
		try {
			connection.commit();
		}
		catch (SQLException ex) {
			Transactions.rollback(connection);
			throw new MigrateException("Could not commit the migration transaction: " + ex.getMessage()
					+ lockTableHint(ex) + "; nothing of this run was applied", ex);
		}
		applied.forEach(this.listeners::afterStep);
		return applied;
	}

	private AppliedRevision applied(PlannedStep step, long start) {
		AppliedRevision result = new AppliedRevision(step.revision(), step.message(),
				CommandKind.of(step.direction()), millisSince(start), step.rowsBefore(), step.rowsAfter());
		logger.info("{} '{}' ({}) in {} ms", step.upgrade() ? "Upgraded to" : "Reverted", step.revision(),
				step.message(), result.executionMillis());
		return result;
	}

	private void runInTransaction(Connection connection, SqlSink sink, PlannedStep step, Instant startedAt,
			long start) {
		String transactionLockWait = (this.lockWait.timeout() != null && this.dialect.lockTimeoutReset() == null)
				? this.dialect.lockTimeoutStatement(this.lockWait.timeout()) : null;
		for (int attempt = 1;; attempt++) {
			StepFailure failure = null;
			try {
				Transactions.begin(connection);
				if (transactionLockWait != null) {
					sink.execute(transactionLockWait);
				}
				this.callbacks.run(Callbacks.beforeEach(step.direction()), sink, step.revision());
				failure = this.executor.execute(connection, sink, step, 0, null, null);
				if (failure == null) {
					this.callbacks.run(Callbacks.afterEach(step.direction()), sink, step.revision());
					// The version-row change and the history row, in one round trip where the driver allows.
					List<VersionTable.Change> changes = this.versionTable.changes(step.rowsBefore(), step.rowsAfter());
					int[] counts = this.history.append(changes.stream().map(VersionTable.Change::sql).toList(),
							HistoryRows.succeeded(step, this.installedBy, startedAt, millisSince(start), 0, null));
					for (int i = 0; i < counts.length; i++) {
						this.versionTable.check(changes.get(i), counts[i]);
					}
					connection.commit();
					return;
				}
			}
			catch (SQLException | RuntimeException ex) {
				failure = StepFailure.outside(ex);
			}
			boolean lockTimeout = this.lockWait.timeout() != null && failure.cause() instanceof SQLException sql
					&& this.dialect.isLockTimeout(sql);
			if (lockTimeout && attempt <= this.lockWait.retries()) {
				Transactions.rollback(connection);
				Duration pause = this.lockWait.pauseAfter(attempt);
				logger.warn("Revision '{}' waited longer than ddlLockTimeout ({} ms) for a lock at statement {} "
						+ "(attempt {} of {}); rolled back, trying again in {} ms", step.revision(),
						this.lockWait.timeout().toMillis(), failure.index(), attempt, this.lockWait.retries() + 1,
						pause.toMillis());
				pause(pause);
				continue;
			}
			throw rolledBack(connection, step, startedAt, start, failure, false, lockTimeout ? attempt : 0);
		}
	}

	private void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while waiting to retry a revision that timed out on a lock", ex);
		}
	}

	private void resetLockWait(SqlSink sink) {
		try {
			sink.execute(this.dialect.lockTimeoutReset());
		}
		catch (SQLException ex) {
			logger.warn("Could not reset the lock wait (ddlLockTimeout): {}", ex.getMessage());
		}
	}

	/**
	 * Names who holds the locks a revision timed out waiting for, after its rollback, where the engine tells.
	 */
	private String lockHolders(Connection connection, PlannedStep step, StepFailure failure) {
		Set<String> words = new LinkedHashSet<>();
		if (failure.index() != null && step.body() instanceof PlannedStep.SqlBody sql) {
			for (String word : sql.statements().get(failure.index() - 1).sql().split("[^\\p{L}\\p{N}_$]+")) {
				if (!word.isEmpty()) {
					words.add(word);
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		try {
			List<String> holders = words.isEmpty() ? List.of() : this.dialect.lockHolders(connection, words);
			return holders.isEmpty() ? "" : "; the lock is held by " + String.join(", ", holders);
		}
		catch (SQLException ex) {
			logger.warn("Could not read who holds the lock: {}", ex.getMessage());
			return "";
		}
	}

	/**
	 * Rolls back the transaction a step failed in, records the failure and describes the state.
	 */
	private MigrationFailedException rolledBack(Connection connection, PlannedStep step, Instant startedAt,
			long start, StepFailure failure, boolean wholePlan) {
		return rolledBack(connection, step, startedAt, start, failure, wholePlan, 0);
	}

	/**
	 * As above; {@code lockAttempts} is how many attempts timed out waiting for a lock (0 when this failure is
	 * something else), which the message then describes with the sessions holding the lock.
	 */
	private MigrationFailedException rolledBack(Connection connection, PlannedStep step, Instant startedAt,
			long start, StepFailure failure, boolean wholePlan, int lockAttempts) {
		Transactions.rollback(connection);
		String lockWait = (lockAttempts == 0) ? ""
				: ". Every attempt (" + lockAttempts + ") waited longer than ddlLockTimeout ("
						+ this.lockWait.timeout().toMillis() + " ms) for a lock" + lockHolders(connection, step, failure)
						+ "; run " + step.verb() + " again once that session has finished, or raise"
						+ " ddlLockTimeout or raise ddlLockRetries";
		String error = failure.describe();
		List<String> rows = recordFailure(connection, step, startedAt, start, failure, error);
		return FailureNarrative.exception(step, failure, rows, 0, FailureNarrative.rolledBack(step, rows, wholePlan,
				!lockWait.isEmpty() ? lockWait : lockTableHint(failure.cause())));
	}

	/**
	 * What the engine adds to a failed statement's message (such as PostgreSQL's full lock table), after ". ".
	 */
	private String lockTableHint(Throwable cause) {
		String hint = (cause instanceof SQLException sql) ? this.dialect.failureHint(sql) : null;
		return (hint != null) ? ". " + hint : "";
	}

	private void runWithProgress(Connection connection, SqlSink sink, PlannedStep step, Instant startedAt,
			long start, PlannedStep next) {
		int total = (step.body() instanceof PlannedStep.SqlBody sql) ? sql.statements().size() : -1;
		Opened opened = this.opened;
		this.opened = null;
		if (opened == null || opened.step() != step) {
			try {
				opened = open(connection, step, startedAt);
				// The row must be committed before any statement runs, so a killed run leaves it.
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
			}
			catch (SQLException ex) {
				Transactions.rollback(connection);
				throw new MigrateException("Could not write the history row of '" + step.revision() + "' to "
						+ this.historyTable + ": " + ex.getMessage() + "; nothing of it ran", ex);
			}
		}
		long id = opened.id();
		String[] prefixes = opened.prefixes();
		StepFailure failure = eachCallback(connection, sink, Callbacks.beforeEach(step.direction()), step,
				opened.resumeAt());
		if (failure == null) {
			failure = this.executor.execute(connection, sink, step, opened.resumeAt(), id, prefixes);
		}
		if (failure == null) {
			failure = eachCallback(connection, sink, Callbacks.afterEach(step.direction()), step, Math.max(total, 0));
		}
		int done = (failure != null) ? failure.completed() : Math.max(total, 0);
		if (failure == null) {
			// The completion also records the last statement's progress (see execute): one commit, not two.
			try {
				this.opened = complete(connection, step, id, HistoryRows.succeeded(step, this.installedBy, startedAt,
						millisSince(start), done, (prefixes != null) ? prefixes[total] : null), next);
				return;
			}
			catch (SQLException | RuntimeException ex) {
				Transactions.rollback(connection);
				failure = new StepFailure(null, null, ex, done);
			}
		}
		String error = failure.describe();
		try {
			connection.setAutoCommit(true);
			this.history.complete(id, HistoryRows.failed(step, this.installedBy, startedAt, millisSince(start), error,
					failure.index(), failure.completed(),
					(prefixes != null && failure.completed() > 0) ? prefixes[failure.completed()] : null));
		}
		catch (SQLException ex) {
			logger.warn("Could not record the failure of '{}' in {}: {}", step.revision(), this.historyTable,
					ex.getMessage());
		}
		List<String> rows = readRows(connection, step.rowsBefore());
		throw FailureNarrative.exception(step, failure, rows, failure.completed(),
				FailureNarrative.partial(step, failure, rows, this.dialect.displayName()));
	}

	/**
	 * Runs a step's each-revision callbacks when the step runs statement by statement: committed on their own,
	 * as its statements are.
	 * @return the failure, with the statements that completed before it, or {@code null}
	 */
	private StepFailure eachCallback(Connection connection, SqlSink sink, dev.migrate.core.script.CallbackEvent event,
			PlannedStep step, int completed) {
		if (!this.callbacks.has(event)) {
			return null;
		}
		try {
			this.callbacks.run(event, sink, step.revision());
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			return null;
		}
		catch (SQLException | RuntimeException ex) {
			Transactions.rollback(connection);
			return new StepFailure(null, null, ex, completed);
		}
	}

	/**
	 * Writes the in-progress history row of a step that runs statement by statement, saying where it starts.
	 * The caller commits it.
	 */
	private Opened open(Connection connection, PlannedStep step, Instant startedAt) throws SQLException {
		String[] prefixes = (step.body() instanceof PlannedStep.SqlBody sql) ? StatementChecksum.prefixes(sql.statements())
				: null;
		int resumeAt = this.resume.resumeAt(connection, step, prefixes);
		if (resumeAt > 0) {
			logger.info("Resuming '{}' at statement {} of {}: {} ran in an earlier run", step.revision(),
					resumeAt + 1, prefixes.length - 1, FailureNarrative.statements(1, resumeAt));
		}
		long id = this.history.insert(HistoryRows.inProgress(step, this.installedBy, startedAt, resumeAt,
				(resumeAt > 0) ? prefixes[resumeAt] : null));
		return new Opened(step, id, resumeAt, prefixes);
	}

	/**
	 * Commits a step's version-row change with its completed history row. When the next step also runs
	 * statement by statement, its in-progress row goes into the same commit (one commit per step, not two):
	 * after it the history says exactly this step is done and the next one has started, as separate commits
	 * would, and nothing of the next step runs before it.
	 * @return the next step's row, or {@code null} if it was not opened
	 */
	private Opened complete(Connection connection, PlannedStep step, long id, HistoryTable.Row row,
			PlannedStep next) throws SQLException {
		Transactions.begin(connection);
		List<VersionTable.Change> changes = this.versionTable.changes(step.rowsBefore(), step.rowsAfter());
		int[] counts = this.history.complete(changes.stream().map(VersionTable.Change::sql).toList(), id, row);
		for (int i = 0; i < counts.length; i++) {
			this.versionTable.check(changes.get(i), counts[i]);
		}
		Opened opened = null;
		if (next != null && !transactional(next)) {
			try {
				opened = open(connection, next, Instant.now());
			}
			catch (SQLException | RuntimeException ex) {
				// This step's completion must not depend on the next step: commit it alone, and let the next
				// step open its own row and report its own problem.
				connection.rollback();
				return complete(connection, step, id, row, null);
			}
		}
		connection.commit();
		return opened;
	}

	private List<String> recordFailure(Connection connection, PlannedStep step, Instant startedAt, long start,
			StepFailure failure, String error) {
		try {
			Transactions.begin(connection);
			this.history.append(HistoryRows.failed(step, this.installedBy, startedAt, millisSince(start), error,
					failure.index(), 0, null));
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			Transactions.rollback(connection);
			logger.warn("Could not record the failure of '{}' in {}: {}", step.revision(), this.historyTable,
					ex.getMessage());
		}
		return readRows(connection, step.rowsBefore());
	}

	private List<String> readRows(Connection connection, List<String> fallback) {
		try {
			connection.setAutoCommit(true);
			return this.versionTable.read(connection);
		}
		catch (SQLException ex) {
			return fallback;
		}
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * The committed in-progress history row of a step about to run statement by statement.
	 */
	private record Opened(PlannedStep step, long id, int resumeAt, String[] prefixes) {

	}

}
