package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
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
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.runtime.PlannedStep.StepStatement;

/**
 * Runs planned steps on a connection, or writes them as offline SQL through the same {@link SqlSink} calls.
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

	private final List<MigrationListener> listeners;

	private final LockWait lockWait;

	private final String installedBy;

	private Map<String, HistoryTable.Row> unfinished;

	private HistoryTable.Writer history;

	private Opened opened;

	MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable,
			List<MigrationListener> listeners, String installedBy) {
		this(dialect, versionTable, historyTable, listeners, installedBy, LockWait.SERVER_DEFAULT);
	}

	MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable,
			List<MigrationListener> listeners, String installedBy, LockWait lockWait) {
		this.lockWait = lockWait;
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.listeners = listeners;
		this.installedBy = installedBy;
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
		this.unfinished = null;
		this.opened = null;
		if (steps.isEmpty()) {
			return new ArrayList<>();
		}
		SqlSink sink = new SqlSink.Jdbc(connection);
		boolean sessionLockWait = this.lockWait.timeout() != null && this.dialect.lockTimeoutReset() != null;
		try (HistoryTable.Writer history = this.historyTable.writer(connection)) {
			this.history = history;
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
			notify((listener) -> listener.beforeStep(command, step.revision()));
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
				notify((listener) -> listener.onFailure(command, step.revision(), ex));
				throw ex;
			}
			AppliedRevision result = applied(step, start);
			applied.add(result);
			notify((listener) -> listener.afterStep(result));
		}
		return applied;
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
			begin(connection);
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not start the migration transaction: " + ex.getMessage()
					+ "; nothing of this run was applied", ex);
		}
		for (PlannedStep step : steps) {
			notify((listener) -> listener.beforeStep(command, step.revision()));
			Instant startedAt = Instant.now();
			long start = System.nanoTime();
			Failure failure;
			try {
				failure = execute(connection, sink, step, 0, null, null);
			}
			catch (RuntimeException ex) {
				failure = new Failure(null, null, ex);
			}
			if (failure != null) {
				MigrateException ex = rolledBack(connection, step, startedAt, start, failure, true);
				notify((listener) -> listener.onFailure(command, step.revision(), ex));
				throw ex;
			}
			rows.add(row(step, startedAt, millisSince(start), true, null, null, 0, null));
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
			MigrateException failure = rolledBack(connection, first, runStartedAt, runStart,
					new Failure(null, null, ex), true);
			notify((listener) -> listener.onFailure(command, first.revision(), failure));
			throw failure;
		}
		try {
			connection.commit();
		}
		catch (SQLException ex) {
			rollback(connection);
			throw new MigrateException("Could not commit the migration transaction: " + ex.getMessage()
					+ lockTableHint(ex) + "; nothing of this run was applied", ex);
		}
		applied.forEach((result) -> notify((listener) -> listener.afterStep(result)));
		return applied;
	}

	private AppliedRevision applied(PlannedStep step, long start) {
		AppliedRevision result = new AppliedRevision(step.revision(), step.message(), step.direction(),
				millisSince(start), step.rowsAfter());
		logger.info("{} '{}' ({}) in {} ms", step.upgrade() ? "Upgraded to" : "Reverted", step.revision(),
				step.message(), result.executionMillis());
		return result;
	}

	/**
	 * Writes steps as offline SQL.
	 * @param sink the text sink
	 * @param steps the steps, in order
	 */
	void write(SqlSink sink, List<PlannedStep> steps) {
		for (PlannedStep step : steps) {
			sink.comment("Running " + step.direction() + " " + String.join(", ", step.rowsBefore()) + " -> "
					+ String.join(", ", step.rowsAfter()) + " (" + step.revision() + ": " + step.message() + ")");
			if (step.statements() == null) {
				throw new MigrateException("Revision '" + step.revision() + "' (" + step.source()
						+ ") is a Java migration, which cannot be written as offline SQL; run it online, or write it "
						+ "as a SQL script");
			}
			try {
				boolean transaction = transactional(step);
				if (transaction) {
					sink.begin();
				}
				for (StepStatement statement : step.statements()) {
					run(sink, statement);
				}
				this.versionTable.update(sink, step.rowsBefore(), step.rowsAfter());
				if (transaction) {
					sink.commit();
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Offline SQL does not touch a database", ex);
			}
		}
	}

	private void runInTransaction(Connection connection, SqlSink sink, PlannedStep step, Instant startedAt,
			long start) {
		String transactionLockWait = (this.lockWait.timeout() != null && this.dialect.lockTimeoutReset() == null)
				? this.dialect.lockTimeoutStatement(this.lockWait.timeout()) : null;
		for (int attempt = 1;; attempt++) {
			Failure failure = null;
			try {
				begin(connection);
				if (transactionLockWait != null) {
					sink.execute(transactionLockWait);
				}
				failure = execute(connection, sink, step, 0, null, null);
				if (failure == null) {
					// The version-row change and the history row, in one round trip where the driver allows.
					List<VersionTable.Change> changes = this.versionTable.changes(step.rowsBefore(), step.rowsAfter());
					int[] counts = this.history.append(changes.stream().map(VersionTable.Change::sql).toList(),
							row(step, startedAt, millisSince(start), true, null, null, 0, null));
					for (int i = 0; i < counts.length; i++) {
						this.versionTable.check(changes.get(i), counts[i]);
					}
					connection.commit();
					return;
				}
			}
			catch (SQLException | RuntimeException ex) {
				failure = new Failure(null, null, ex);
			}
			boolean lockTimeout = this.lockWait.timeout() != null && failure.cause() instanceof SQLException sql
					&& this.dialect.isLockTimeout(sql);
			if (lockTimeout && attempt <= this.lockWait.retries()) {
				rollback(connection);
				Duration pause = this.lockWait.pauseAfter(attempt);
				logger.warn("Revision '{}' waited longer than ddlLockTimeout ({} ms) for a lock at statement {} "
						+ "(attempt {} of {}); rolled back, trying again in {} ms", step.revision(),
						this.lockWait.timeout().toMillis(), failure.index(), attempt, this.lockWait.retries() + 1,
						pause.toMillis());
				pause(pause);
				continue;
			}
			throw rolledBack(connection, step, startedAt, start, failure, false,
					lockTimeout ? attempt : 0);
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
	private String lockHolders(Connection connection, PlannedStep step, Failure failure) {
		Set<String> words = new LinkedHashSet<>();
		if (failure.index() != null && step.statements() != null) {
			for (String word : step.statements().get(failure.index() - 1).sql().split("[^\\p{L}\\p{N}_$]+")) {
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
			long start, Failure failure, boolean wholePlan) {
		return rolledBack(connection, step, startedAt, start, failure, wholePlan, 0);
	}

	/**
	 * As above; {@code lockAttempts} is how many attempts timed out waiting for a lock (0 when this failure is
	 * something else), which the message then describes with the sessions holding the lock.
	 */
	private MigrationFailedException rolledBack(Connection connection, PlannedStep step, Instant startedAt,
			long start, Failure failure, boolean wholePlan, int lockAttempts) {
		rollback(connection);
		String lockWait = (lockAttempts == 0) ? ""
				: ". Every attempt (" + lockAttempts + ") waited longer than ddlLockTimeout ("
						+ this.lockWait.timeout().toMillis() + " ms) for a lock" + lockHolders(connection, step, failure)
						+ "; run " + step.direction() + " again once that session has finished, or raise"
						+ " ddlLockTimeout or ddlLockRetries";
		String error = failure.describe();
		List<String> rows = recordFailure(connection, step, startedAt, start, failure, error);
		String state = !wholePlan
				? "Its transaction was rolled back: nothing of '" + step.revision() + "' was applied, and revisions "
						+ "before it in this run stay committed. The version table holds " + rows
				: "The run's single transaction was rolled back: nothing of this run was applied. The version table "
						+ "holds " + rows;
		// A full lock table is not the script's fault: the fix is the server's setting or smaller transactions.
		String lockTable = lockTableHint(failure.cause());
		String fix = !lockWait.isEmpty() ? lockWait
				: lockTable.isEmpty() ? ". Fix the script and run " + step.direction() + " again" : lockTable;
		return failed(step, failure, rows, 0, state + fix);
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
		int total = (step.statements() != null) ? step.statements().size() : -1;
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
				rollback(connection);
				throw new MigrateException("Could not write the history row of '" + step.revision() + "' to "
						+ this.historyTable + ": " + ex.getMessage() + "; nothing of it ran", ex);
			}
		}
		long id = opened.id();
		String[] prefixes = opened.prefixes();
		Failure failure = execute(connection, sink, step, opened.resumeAt(), id, prefixes);
		int done = (failure != null) ? failure.completed() : Math.max(total, 0);
		if (failure == null) {
			// The completion also records the last statement's progress (see execute): one commit, not two.
			try {
				this.opened = complete(connection, step, id, row(step, startedAt, millisSince(start), true,
						null, null, done, (prefixes != null) ? prefixes[total] : null), next);
				return;
			}
			catch (SQLException | RuntimeException ex) {
				rollback(connection);
				failure = new Failure(null, null, ex, done);
			}
		}
		String error = failure.describe();
		try {
			connection.setAutoCommit(true);
			this.history.complete(id,
					row(step, startedAt, millisSince(start), false, error, failure.index(), failure.completed(),
							(prefixes != null && failure.completed() > 0) ? prefixes[failure.completed()] : null));
		}
		catch (SQLException ex) {
			logger.warn("Could not record the failure of '{}' in {}: {}", step.revision(), this.historyTable,
					ex.getMessage());
		}
		List<String> rows = readRows(connection, step.rowsBefore());
		int applied = failure.completed();
		String why = step.transactional() ? this.dialect.displayName() + " commits DDL as it runs"
				: "the script is not transactional";
		String state;
		if (applied == 0) {
			state = "Nothing of '" + step.revision() + "' was applied (" + why + ", but no statement before the "
					+ "failing one had committed). The version table holds " + rows + ". Fix the script and run "
					+ step.direction() + " again";
		}
		else if (failure.index() == null) {
			state = ((applied == 1) ? "The only statement" : "All " + applied + " statements") + " of '" + step.revision()
					+ "' " + ((applied == 1) ? "was" : "were") + " applied (" + why
					+ "), but the version table was not updated; it holds " + rows + ". Run " + step.direction()
					+ " again to record it, or run 'migrate stamp " + step.revision() + "'";
		}
		else {
			state = capitalize(statements(1, applied)) + " of '" + step.revision() + "' "
					+ ((applied == 1) ? "was" : "were") + " applied and stay" + ((applied == 1) ? "s" : "") + " applied (" + why
					+ ")" + ((applied + 1 < failure.index()) ? "; " + statements(applied + 1, failure.index() - 1)
							+ " changed only data and " + ((applied + 2 == failure.index()) ? "was" : "were")
							+ " rolled back with it" : "")
					+ "; the version table still holds " + rows + ". Fix statement " + failure.index()
					+ " and leave the statements before it unchanged, then run " + step.direction()
					+ " again: it resumes at statement " + (applied + 1) + ". Or apply the rest by hand and run "
					+ "'migrate stamp " + step.revision() + "'";
		}
		throw failed(step, failure, rows, applied, state);
	}

	/**
	 * Writes the in-progress history row of a step that runs statement by statement, saying where it starts.
	 * The caller commits it.
	 */
	private Opened open(Connection connection, PlannedStep step, Instant startedAt) throws SQLException {
		String[] prefixes = (step.statements() != null) ? StatementChecksum.prefixes(step.statements()) : null;
		int resumeAt = resumePoint(connection, step, prefixes);
		if (resumeAt > 0) {
			logger.info("Resuming '{}' at statement {} of {}: {} ran in an earlier run", step.revision(),
					resumeAt + 1, step.statements().size(), statements(1, resumeAt));
		}
		long id = this.history.insert(row(step, startedAt, 0, false, HistoryTable.IN_PROGRESS, null, resumeAt,
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
		begin(connection);
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

	/**
	 * Where a step that runs statement by statement starts: after the statements an earlier failed run
	 * committed, when they are unchanged.
	 */
	private int resumePoint(Connection connection, PlannedStep step, String[] prefixes) throws SQLException {
		if (this.unfinished == null) {
			// Read once per run: the lock is held, and this run adds rows only for revisions it has passed.
			this.unfinished = this.historyTable.latestSinceLastStamp(connection);
		}
		HistoryTable.Row last = this.unfinished.get(step.revision());
		boolean interrupted = last != null && HistoryTable.IN_PROGRESS.equals(last.error());
		if (last == null || last.success() || !last.direction().equals(step.direction())
				|| (last.statementsDone() == 0 && !interrupted)) {
			return 0;
		}
		int done = last.statementsDone();
		String ran = statements(1, done) + " of it ran and " + ((done == 1) ? "was" : "were") + " committed on "
				+ last.startedAt() + " (history row " + last.id() + ")";
		boolean unchanged = step.statements() != null && step.statements().size() >= done
				&& prefixes[done].equals(last.progressChecksum());
		if (interrupted && unchanged && done < step.statements().size() && step.transactional()
				&& isDataStatement(step.statements().get(done).sql())) {
			// The interrupted statement changed only data, in the transaction its progress update would have
			// committed in: it was rolled back with the dead session, so it has not run.
			logger.info("Resuming '{}' at statement {}: the run that stopped there was interrupted inside a "
					+ "data statement, which was rolled back", step.revision(), done + 1);
			return done;
		}
		if (interrupted) {
			throw new MigrateException("Revision '" + step.revision() + "' (" + step.source() + ") was interrupted "
					+ "part-way through an earlier " + step.direction() + " (history row " + last.id() + ", started "
					+ last.startedAt() + "): " + ((done > 0) ? statements(1, done) + " of it committed, and " : "")
					+ "statement " + (done + 1) + " may or may not have run. migrate never runs a statement twice, so "
					+ "it will not guess. Check the database, then either finish the revision by hand and run "
					+ "'migrate stamp " + step.revision() + "', or undo what ran and run 'migrate stamp' to the current "
					+ "version " + step.rowsBefore() + " to clear the record, and run " + step.direction() + " again");
		}
		if (!unchanged) {
			throw new MigrateException("Revision '" + step.revision() + "' (" + step.source() + ") failed part-way "
					+ "through an earlier " + step.direction() + ": " + ran + ", but those statements have changed "
					+ "since, so migrate cannot tell what is left to run and will not run anything twice. Restore "
					+ ((done == 1) ? "the first statement as it was" : "the first " + done + " statements as they were")
					+ " and change only the failing one, or finish "
					+ "the revision by hand and run 'migrate stamp " + step.revision() + "'");
		}
		return done;
	}

	/**
	 * Executes a step's statements from {@code from}; with a history row id, commits progress after each.
	 * @return the failure, or {@code null}
	 */
	private Failure execute(Connection connection, SqlSink sink, PlannedStep step, int from, Long progressRow,
			String[] prefixes) {
		if (step.statements() == null) {
			return executeJava(connection, sink, step, progressRow);
		}
		List<StepStatement> statements = step.statements();
		if (progressRow == null) {
			for (int i = from; i < statements.size(); i++) {
				try {
					run(sink, statements.get(i));
				}
				catch (SQLException ex) {
					return new Failure(i + 1, statements.get(i).line(), ex, 0);
				}
			}
			return null;
		}
		// Statement by statement. In a transactional script, consecutive data statements share one transaction
		// that commits with the progress record before the next DDL statement (which would commit it anyway)
		// and at the end; each DDL statement is recorded on its own. A failure rolls back the uncommitted data
		// statements, and the progress record says where a rerun starts. A last statement that committed on
		// its own (DDL, or any statement of a non-transactional script) is recorded by the step's completion,
		// which writes statements_done anyway: until then the row says that statement may or may not have run.
		boolean grouped = step.transactional();
		int recorded = from;
		boolean lastCommitted = false;
		int i = from;
		try {
			if (connection.getAutoCommit() == grouped) {
				connection.setAutoCommit(!grouped);
			}
			for (; i < statements.size(); i++) {
				boolean data = grouped && isDataStatement(statements.get(i).sql());
				if (grouped && !data && recorded < i) {
					recorded = record(connection, progressRow, i, prefixes);
				}
				run(sink, statements.get(i));
				if (!data) {
					if (i + 1 < statements.size()) {
						recorded = record(connection, progressRow, i + 1, prefixes);
					}
					else {
						lastCommitted = true;
					}
				}
			}
			if (!lastCommitted && recorded < statements.size()) {
				recorded = record(connection, progressRow, statements.size(), prefixes);
			}
			return null;
		}
		catch (SQLException ex) {
			rollback(connection);
			int failed = Math.min(i, statements.size() - 1);
			return new Failure(failed + 1, statements.get(failed).line(), ex, recorded);
		}
	}

	private int record(Connection connection, long progressRow, int done, String[] prefixes) throws SQLException {
		this.history.progress(progressRow, done, prefixes[done]);
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
		return done;
	}

	private static String statements(int first, int last) {
		return (first == last) ? "statement " + first : "statements " + first + "-" + last;
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static boolean isDataStatement(String sql) {
		String first = sql.strip().split("[\\s(]", 2)[0].toUpperCase(java.util.Locale.ROOT);
		return switch (first) {
			case "SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE" -> true;
			default -> false;
		};
	}

	private static void run(SqlSink sink, StepStatement statement) throws SQLException {
		if (statement.copyData() != null) {
			sink.copy(statement.sql(), statement.copyData());
		}
		else {
			sink.execute(statement.sql());
		}
	}

	private Failure executeJava(Connection connection, SqlSink sink, PlannedStep step, Long progressRow) {
		JavaMigrationContext context = new JavaMigrationContext(connection, this.dialect.name(), sink);
		try {
			if (progressRow != null) {
				connection.setAutoCommit(!step.transactional());
			}
			if (step.upgrade()) {
				step.java().upgrade(context);
			}
			else {
				step.java().downgrade(context);
			}
			if (progressRow != null && !connection.getAutoCommit()) {
				connection.commit();
			}
			return null;
		}
		catch (Exception ex) {
			if (progressRow != null) {
				rollback(connection);
			}
			return new Failure(context.failedStatement(), null, ex, context.executed());
		}
	}

	private List<String> recordFailure(Connection connection, PlannedStep step, Instant startedAt, long start,
			Failure failure, String error) {
		try {
			begin(connection);
			this.history.append(new HistoryTable.Row(0, step.revision(), step.direction(),
					step.rowsBefore(), step.rowsBefore(), step.message(), step.source(), step.checksum(), startedAt,
					millisSince(start), this.installedBy, false, error, failure.index(), 0, null));
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			rollback(connection);
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

	private HistoryTable.Row row(PlannedStep step, Instant startedAt, long millis, boolean success, String error,
			Integer failedStatement, int statementsDone, String progressChecksum) {
		return new HistoryTable.Row(0, step.revision(), step.direction(), step.rowsBefore(),
				success ? step.rowsAfter() : step.rowsBefore(), step.message(), step.source(), step.checksum(),
				startedAt, millis, this.installedBy, success, error, failedStatement, statementsDone,
				progressChecksum);
	}

	private MigrationFailedException failed(PlannedStep step, Failure failure, List<String> rows, int applied,
			String state) {
		if (failure.cause() instanceof MigrateException migrate && failure.index() == null) {
			// A version-table or configuration problem: keep its own words, add the state.
			return new MigrationFailedException(migrate.getMessage() + ". " + state, migrate, step.revision(),
					step.source(), null, null, null, migrate.getMessage(), rows, applied);
		}
		String where = step.source() + ((failure.line() != null) ? ":" + failure.line() : "");
		String statement = (failure.index() != null) ? " at statement " + failure.index()
				+ ((step.statements() != null) ? " of " + step.statements().size() : "") : "";
		String message = "Revision '" + step.revision() + "' (" + where + ") failed" + statement + " during "
				+ step.direction() + ": " + failure.describe() + ". " + state;
		return new MigrationFailedException(message, failure.cause(), step.revision(), step.source(), failure.index(),
				failure.line(), failure.sqlState(), failure.databaseMessage(), rows, applied);
	}

	private void notify(Consumer<MigrationListener> call) {
		for (MigrationListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed: {}", listener, ex.toString());
			}
		}
	}

	/**
	 * Starts a transaction: turns auto-commit off unless it already is, as it stays between steps.
	 */
	private static void begin(Connection connection) throws SQLException {
		if (connection.getAutoCommit()) {
			connection.setAutoCommit(false);
		}
	}

	private static void rollback(Connection connection) {
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

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * The committed in-progress history row of a step about to run statement by statement.
	 */
	private record Opened(PlannedStep step, long id, int resumeAt, String[] prefixes) {

	}

	/**
	 * What failed: the statement (index from 1 and line), the cause, and how many statements had completed.
	 */
	private record Failure(Integer index, Integer line, Throwable cause, int completed) {

		Failure(Integer index, Integer line, Throwable cause) {
			this(index, line, cause, 0);
		}

		String sqlState() {
			return (this.cause instanceof SQLException sql) ? sql.getSQLState() : null;
		}

		String databaseMessage() {
			String message = this.cause.getMessage();
			return (message != null) ? message.strip().replaceAll("\\s*\\R\\s*", " ") : this.cause.getClass().getName();
		}

		String describe() {
			String state = sqlState();
			return databaseMessage() + ((state != null) ? " [SQLState " + state + "]" : "");
		}

	}

}
