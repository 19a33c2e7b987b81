package dev.migrate.core.runtime;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;

/**
 * Runs a step as one unit: its statements, then its version-row change (and online its history row), inside one
 * transaction opened and committed through the {@link SqlSink} where the step is transactional. Online that is
 * a step whose script is transactional on an engine with transactional DDL, retried when it times out waiting
 * for another session's lock; offline every step is written this way, with {@code BEGIN}/{@code COMMIT} where
 * it would run in a transaction online.
 */
final class WholeStep {

	private static final Logger logger = LoggerFactory.getLogger(WholeStep.class);

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final StepExecutor executor;

	private final LockWait lockWait;

	// Online only: where the step's history row and its failure go.
	private final HistoryWriter history;

	private final StepRecovery recovery;

	private final String installedBy;

	// SQL callbacks around the step's statements, inside its transaction.
	private Callbacks callbacks = Callbacks.none();

	WholeStep(Dialect dialect, VersionTable versionTable, StepExecutor executor, LockWait lockWait,
			HistoryWriter history, StepRecovery recovery, String installedBy) {
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.executor = executor;
		this.lockWait = lockWait;
		this.history = history;
		this.recovery = recovery;
		this.installedBy = installedBy;
	}

	/**
	 * A run that writes offline SQL: no history, no lock waits, nothing that can fail on a database.
	 * @param dialect the dialect the SQL is for
	 * @param versionTable the version table
	 * @return the strategy
	 */
	static WholeStep offline(Dialect dialect, VersionTable versionTable) {
		return new WholeStep(dialect, versionTable, new StepExecutor(dialect, null), LockWait.SERVER_DEFAULT, null,
				null, null);
	}

	/**
	 * Sets the SQL callbacks that run before and after each step's statements.
	 * @param callbacks the callbacks
	 * @return this strategy
	 */
	WholeStep callbacks(Callbacks callbacks) {
		this.callbacks = callbacks;
		return this;
	}

	/**
	 * @param sink where the statements go
	 * @param step the step
	 * @param transaction whether to wrap it in a transaction
	 * @param startedAt when it started
	 * @param start its start on the nano clock
	 */
	void run(SqlSink sink, PlannedStep step, boolean transaction, Instant startedAt, long start) {
		if (!sink.online() && !(step.body() instanceof PlannedStep.SqlBody)) {
			throw new MigrateException("Revision '" + step.revision() + "' (" + step.source()
					+ ") is a Java migration, which cannot be written as offline SQL; run it online, or write it "
					+ "as a SQL script");
		}
		SqlSink.Jdbc jdbc = (sink instanceof SqlSink.Jdbc online) ? online : null;
		String transactionLockWait = (this.lockWait.timeout() != null && this.dialect.lockTimeoutReset() == null)
				? this.dialect.lockTimeoutStatement(this.lockWait.timeout()) : null;
		if (jdbc != null && transaction && pipelines(step)) {
			try {
				runPipelined(jdbc, step, transactionLockWait, startedAt, start);
				return;
			}
			catch (SQLException | RuntimeException ex) {
				// Rolled back whole: the attempts below run it again statement by statement, which names the
				// statement that fails, or succeed when the failure was a passing one (a lock wait that ended).
				sink.rollback();
				logger.debug("Revision '{}' failed in one round trip; running it statement by statement: {}",
						step.revision(), ex.getMessage());
			}
		}
		for (int attempt = 1;; attempt++) {
			StepFailure failure = null;
			try {
				if (transaction) {
					sink.begin();
				}
				if (transactionLockWait != null) {
					sink.execute(transactionLockWait);
				}
				this.callbacks.run(Callbacks.beforeEach(step.direction()), sink, step.revision());
				failure = this.executor.execute((jdbc != null) ? jdbc.connection() : null, sink, step, 0, null, null);
				if (failure == null) {
					this.callbacks.run(Callbacks.afterEach(step.direction()), sink, step.revision());
					record(sink, step, startedAt, start);
					if (transaction) {
						sink.commit();
					}
					return;
				}
			}
			catch (SQLException | RuntimeException ex) {
				failure = StepFailure.outside(ex);
			}
			if (jdbc == null) {
				throw new IllegalStateException("Offline SQL does not touch a database", failure.cause());
			}
			boolean lockTimeout = this.lockWait.timeout() != null && failure.cause() instanceof SQLException sql
					&& this.dialect.isLockTimeout(sql);
			if (lockTimeout && attempt <= this.lockWait.retries()) {
				sink.rollback();
				Duration pause = this.lockWait.pauseAfter(attempt);
				logger.warn("Revision '{}' waited longer than ddlLockTimeout ({} ms) for a lock at statement {} "
						+ "(attempt {} of {}); rolled back, trying again in {} ms", step.revision(),
						this.lockWait.timeout().toMillis(), failure.index(), attempt, this.lockWait.retries() + 1,
						pause.toMillis());
				pause(pause);
				continue;
			}
			throw this.recovery.rolledBack(jdbc, step, startedAt, start, failure, false, lockTimeout ? attempt : 0);
		}
	}

	/**
	 * Whether the step can go to the server in one round trip with its bookkeeping and {@code COMMIT}: the engine
	 * runs nothing after a failed statement ({@link Dialect#stopsAtFirstFailure()}) and checks the version rows on
	 * the server; the step is SQL without {@code COPY}, without a {@code ?} (the driver would take it for a
	 * parameter), and without callbacks around it.
	 */
	private boolean pipelines(PlannedStep step) {
		if (this.history == null || !this.dialect.stopsAtFirstFailure() || !this.dialect.sendsStatementsTogether()
				|| this.callbacks.has(Callbacks.beforeEach(step.direction()))
				|| this.callbacks.has(Callbacks.afterEach(step.direction()))
				|| !(step.body() instanceof PlannedStep.SqlBody sql)) {
			return false;
		}
		return sql.statements().stream()
			.allMatch((statement) -> statement.copyData() == null && statement.sql().indexOf('?') < 0);
	}

	/**
	 * Runs the step, its version-row change (checked on the server), its history row and {@code COMMIT} in one
	 * round trip. The server runs nothing after a failure, so either all of it is committed or none.
	 */
	private void runPipelined(SqlSink.Jdbc sink, PlannedStep step, String lockWait, Instant startedAt, long start)
			throws SQLException {
		List<String> leading = new ArrayList<>();
		if (lockWait != null) {
			leading.add(lockWait);
		}
		((PlannedStep.SqlBody) step.body()).statements().forEach((statement) -> leading.add(statement.sql()));
		for (VersionTable.Change change : this.versionTable.changes(step.rowsBefore(), step.rowsAfter())) {
			String guarded = this.versionTable.guarded(change);
			if (guarded == null) {
				throw new IllegalStateException(
						this.dialect.displayName() + " cannot check a version row on the server");
			}
			leading.add(guarded);
		}
		sink.begin();
		// The driver's own BEGIN goes in the same round trip; after the COMMIT it begins again with the next step.
		this.history.appendAndCommit(leading,
				HistoryRow.succeeded(step, this.installedBy, startedAt, MigrationRunner.millisSince(start), 0, null));
	}

	/**
	 * The step's version-row change and, online, its history row: in one round trip where the driver allows.
	 */
	private void record(SqlSink sink, PlannedStep step, Instant startedAt, long start) throws SQLException {
		if (this.history == null) {
			this.versionTable.update(sink, step.rowsBefore(), step.rowsAfter());
			return;
		}
		List<VersionTable.Change> changes = this.versionTable.changes(step.rowsBefore(), step.rowsAfter());
		int[] counts = this.history.append(changes.stream().map(VersionTable.Change::sql).toList(),
				HistoryRow.succeeded(step, this.installedBy, startedAt, MigrationRunner.millisSince(start), 0, null));
		for (int i = 0; i < counts.length; i++) {
			this.versionTable.check(changes.get(i), counts[i]);
		}
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while waiting to retry a revision that timed out on a lock", ex);
		}
	}

}
