package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;

/**
 * Runs the steps that cannot run in one transaction online statement by statement: each step's history row is
 * committed before its first statement, each statement commits with a progress update of that row, so a failed
 * run can be resumed after the last statement that succeeded ({@link ResumeDecision}), and nothing runs twice.
 * Bookkeeping is kept to one commit per step where that says as much: the last statement's progress goes with the
 * step's completion, and the next step's in-progress row with that too. One instance serves one run.
 */
final class ProgressRun {

	private static final Logger logger = LoggerFactory.getLogger(ProgressRun.class);

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final HistoryWriter history;

	private final StepExecutor executor;

	private final StepRecovery recovery;

	private final ResumeDecision resume;

	private final String installedBy;

	// SQL callbacks before and after each step's statements, committed on their own as its statements are.
	private Callbacks callbacks = Callbacks.none();

	// The next step's row, opened in the commit that completed the step before it.
	private Opened opened;

	ProgressRun(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, HistoryWriter history,
			StepExecutor executor, StepRecovery recovery, String installedBy) {
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.history = history;
		this.executor = executor;
		this.recovery = recovery;
		this.resume = new ResumeDecision(historyTable);
		this.installedBy = installedBy;
	}

	/**
	 * Sets the SQL callbacks that run before and after each step's statements.
	 * @param callbacks the callbacks
	 * @return this run
	 */
	ProgressRun callbacks(Callbacks callbacks) {
		this.callbacks = callbacks;
		return this;
	}

	/**
	 * @param sink the run's connection
	 * @param step the step
	 * @param startedAt when it started
	 * @param start its start on the nano clock
	 * @param next the step after it, or {@code null}; when it also runs statement by statement, its history row
	 * goes into this step's completing commit
	 * @param progressNext whether {@code next} runs statement by statement
	 */
	void run(SqlSink.Jdbc sink, PlannedStep step, Instant startedAt, long start, PlannedStep next,
			boolean progressNext) {
		Connection connection = sink.connection();
		int total = (step.body() instanceof PlannedStep.SqlBody sql) ? sql.statements().size() : -1;
		Opened opened = this.opened;
		this.opened = null;
		if (opened == null || opened.step() != step) {
			try {
				opened = open(connection, step, startedAt);
				// The row must be committed before any statement runs, so a killed run leaves it.
				sink.commit();
			}
			catch (SQLException ex) {
				sink.rollback();
				throw new MigrateException("Could not write the history row of '" + step.revision() + "' to "
						+ this.historyTable + ": " + ex.getMessage() + "; nothing of it ran", ex);
			}
		}
		long id = opened.id();
		String[] prefixes = opened.prefixes();
		StepFailure failure = eachCallback(sink, Callbacks.beforeEach(step.direction()), step, opened.resumeAt());
		if (failure == null) {
			failure = this.executor.execute(connection, sink, step, opened.resumeAt(), id, prefixes);
		}
		if (failure == null) {
			failure = eachCallback(sink, Callbacks.afterEach(step.direction()), step, Math.max(total, 0));
		}
		int done = (failure != null) ? failure.completed() : Math.max(total, 0);
		if (failure == null) {
			// The completion also records the last statement's progress (see StepExecutor): one commit, not two.
			try {
				this.opened = complete(sink, step, id,
						HistoryRow.succeeded(step, this.installedBy, startedAt, MigrationRunner.millisSince(start),
								done, (prefixes != null) ? prefixes[total] : null),
						progressNext ? next : null);
				return;
			}
			catch (SQLException | RuntimeException ex) {
				sink.rollback();
				failure = new StepFailure(null, null, ex, done);
			}
		}
		throw this.recovery.partial(connection, step, startedAt, start, failure, id, prefixes);
	}

	/**
	 * Runs a step's each-revision callbacks, committed on their own as its statements are.
	 * @return the failure, with the statements that completed before it, or {@code null}
	 */
	private StepFailure eachCallback(SqlSink.Jdbc sink, dev.migrate.core.script.CallbackEvent event,
			PlannedStep step, int completed) {
		if (!this.callbacks.has(event)) {
			return null;
		}
		try {
			this.callbacks.run(event, sink, step.revision());
			sink.commit();
			return null;
		}
		catch (SQLException | RuntimeException ex) {
			sink.rollback();
			return new StepFailure(null, null, ex, completed);
		}
	}

	/**
	 * Writes the in-progress history row of a step that runs statement by statement, saying where it starts.
	 * The caller commits it.
	 */
	private Opened open(Connection connection, PlannedStep step, Instant startedAt) throws SQLException {
		Start start = start(connection, step);
		return start.opened(this.history.insert(start.row(this.installedBy, startedAt)));
	}

	/**
	 * Where a step that runs statement by statement starts: after what an earlier run of it did, if any.
	 */
	private Start start(Connection connection, PlannedStep step) throws SQLException {
		String[] prefixes = (step.body() instanceof PlannedStep.SqlBody sql)
				? StatementChecksum.prefixes(sql.statements()) : null;
		int resumeAt = this.resume.resumeAt(connection, step, prefixes);
		if (resumeAt > 0) {
			logger.info("Resuming '{}' at statement {} of {}: {} ran in an earlier run", step.revision(),
					resumeAt + 1, prefixes.length - 1, FailureNarrative.statements(1, resumeAt));
		}
		return new Start(step, resumeAt, prefixes);
	}

	/**
	 * Commits a step's version-row change with its completed history row. When the next step also runs
	 * statement by statement, its in-progress row goes into the same commit (one commit per step, not two):
	 * after it the history says exactly this step is done and the next one has started, as separate commits
	 * would, and nothing of the next step runs before it. Where the driver batches them, the three go to the
	 * server in one round trip; the commit waits for the batch's update counts, since the server runs a batch's
	 * statements even after one fails. When the next step's first statement is DDL that commits implicitly
	 * before it runs ({@link Dialect#commitsImplicitly}), that statement is the commit: a round trip and a log
	 * flush fewer, and the same order (the bookkeeping is committed before the DDL runs, or, when the statement
	 * fails before running, by {@link StepExecutor}).
	 * @return the next step's row, or {@code null} if it was not opened
	 */
	private Opened complete(SqlSink.Jdbc sink, PlannedStep step, long id, HistoryRow row, PlannedStep next)
			throws SQLException {
		Connection connection = sink.connection();
		sink.begin();
		List<VersionTable.Change> changes = this.versionTable.changes(step.rowsBefore(), step.rowsAfter());
		List<String> leading = changes.stream().map(VersionTable.Change::sql).toList();
		Opened opened = null;
		HistoryWriter.Completion completion;
		try {
			if (next == null) {
				completion = this.history.complete(leading, id, row, null);
			}
			else {
				Start start = start(connection, next);
				completion = this.history.complete(leading, id, row, start.row(this.installedBy, Instant.now()));
				opened = start.opened(completion.nextId());
			}
			for (int i = 0; i < changes.size(); i++) {
				this.versionTable.check(changes.get(i), completion.counts()[i]);
			}
		}
		catch (SQLException | RuntimeException ex) {
			if (next == null) {
				throw ex;
			}
			// This step's completion must not depend on the next step: commit it alone, and let the next
			// step open its own row and report its own problem.
			connection.rollback();
			return complete(sink, step, id, row, null);
		}
		if (opened == null || !commitsImplicitly(opened)) {
			connection.commit();
		}
		return opened;
	}

	/**
	 * Whether the opened step's first statement to run commits the transaction holding its row before it runs:
	 * then that statement is the commit. Not when callbacks run first, or for a Java migration.
	 */
	private boolean commitsImplicitly(Opened opened) {
		PlannedStep step = opened.step();
		return !this.callbacks.has(Callbacks.beforeEach(step.direction()))
				&& step.body() instanceof PlannedStep.SqlBody sql && opened.resumeAt() < sql.statements().size()
				&& this.dialect.commitsImplicitly(sql.statements().get(opened.resumeAt()).sql());
	}

	/**
	 * The committed in-progress history row of a step about to run statement by statement.
	 */
	private record Opened(PlannedStep step, long id, int resumeAt, String[] prefixes) {

	}

	/**
	 * A step about to be opened: the statement it starts at and its statements' checksum prefixes.
	 */
	private record Start(PlannedStep step, int resumeAt, String[] prefixes) {

		HistoryRow row(String installedBy, Instant startedAt) {
			return HistoryRow.inProgress(this.step, installedBy, startedAt, this.resumeAt,
					(this.resumeAt > 0) ? this.prefixes[this.resumeAt] : null);
		}

		Opened opened(long id) {
			return new Opened(this.step, id, this.resumeAt, this.prefixes);
		}

	}

}
