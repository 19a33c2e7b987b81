package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.dialect.Dialect;

/**
 * What a failed step leaves behind and how it is told: rolls back what the step's transaction held, records the
 * failure in the history, reads the version rows it left and hands them to {@link FailureNarrative}, with the
 * engine's hint (who holds a lock, PostgreSQL's lock table). Where a failed step later resumes is decided by
 * {@link ResumeDecision}.
 */
final class StepRecovery {

	private static final Logger logger = LoggerFactory.getLogger(StepRecovery.class);

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final HistoryWriter history;

	private final LockWait lockWait;

	private final String installedBy;

	StepRecovery(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, HistoryWriter history,
			LockWait lockWait, String installedBy) {
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.history = history;
		this.lockWait = lockWait;
		this.installedBy = installedBy;
	}

	/**
	 * Rolls back the transaction a step failed in, records the failure and describes the state.
	 * @param sink the run's connection
	 * @param step the step
	 * @param startedAt when it started
	 * @param start its start on the nano clock
	 * @param failure what failed
	 * @param wholePlan whether the whole plan ran in the transaction
	 * @param lockAttempts how many attempts timed out waiting for a lock (0 when this failure is something
	 * else), which the message then describes with the sessions holding the lock
	 * @return the exception to throw
	 */
	MigrationFailedException rolledBack(SqlSink.Jdbc sink, PlannedStep step, Instant startedAt, long start,
			StepFailure failure, boolean wholePlan, int lockAttempts) {
		sink.rollback();
		Connection connection = sink.connection();
		String lockWait = (lockAttempts == 0) ? ""
				: ". Every attempt (" + lockAttempts + ") waited longer than ddlLockTimeout ("
						+ this.lockWait.timeout().toMillis() + " ms) for a lock"
						+ lockHolders(connection, step, failure)
						+ "; run " + step.verb() + " again once that session has finished, or raise"
						+ " ddlLockTimeout or raise ddlLockRetries";
		String error = failure.describe();
		try {
			sink.begin();
			this.history.append(HistoryRow.failed(step, this.installedBy, startedAt, MigrationRunner.millisSince(start),
					error, failure.index(), 0, null));
			sink.commit();
		}
		catch (SQLException | RuntimeException ex) {
			sink.rollback();
			logger.warn("Could not record the failure of '{}' in {}: {}", step.revision(), this.historyTable,
					ex.getMessage());
		}
		List<String> rows = readRows(connection, step.rowsBefore());
		return FailureNarrative.exception(step, failure, rows, 0, FailureNarrative.rolledBack(step, rows, wholePlan,
				!lockWait.isEmpty() ? lockWait : lockTableHint(failure.cause())));
	}

	/**
	 * Completes the history row of a step that failed statement by statement: the statements before the failed
	 * one stay committed, and the message says where a rerun resumes.
	 * @param connection the run's connection
	 * @param step the step
	 * @param startedAt when it started
	 * @param start its start on the nano clock
	 * @param failure what failed
	 * @param id the step's history row
	 * @param prefixes the checksums of the step's first N statements, or {@code null} for a Java migration
	 * @return the exception to throw
	 */
	MigrationFailedException partial(Connection connection, PlannedStep step, Instant startedAt, long start,
			StepFailure failure, long id, String[] prefixes) {
		try {
			connection.setAutoCommit(true);
			this.history.complete(id, HistoryRow.failed(step, this.installedBy, startedAt,
					MigrationRunner.millisSince(start), failure.describe(), failure.index(), failure.completed(),
					(prefixes != null && failure.completed() > 0) ? prefixes[failure.completed()] : null));
		}
		catch (SQLException ex) {
			logger.warn("Could not record the failure of '{}' in {}: {}", step.revision(), this.historyTable,
					ex.getMessage());
		}
		List<String> rows = readRows(connection, step.rowsBefore());
		return FailureNarrative.exception(step, failure, rows, failure.completed(),
				FailureNarrative.partial(step, failure, rows, this.dialect.displayName()));
	}

	/**
	 * What the engine adds to a failed statement's message (such as PostgreSQL's full lock table), after ". ".
	 * @param cause the failure
	 * @return the hint, or empty
	 */
	String lockTableHint(Throwable cause) {
		String hint = (cause instanceof SQLException sql) ? this.dialect.failureHint(sql) : null;
		return (hint != null) ? ". " + hint : "";
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

	private List<String> readRows(Connection connection, List<String> fallback) {
		try {
			connection.setAutoCommit(true);
			return this.versionTable.read(connection);
		}
		catch (SQLException ex) {
			return fallback;
		}
	}

}
