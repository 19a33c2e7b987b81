package dev.migrate.core.runtime;

import java.time.Instant;
import java.util.List;

import dev.migrate.core.script.RepeatableScript;

/**
 * The history rows the runtime writes, one named factory per kind, instead of {@link HistoryTable.Row}'s sixteen
 * positional values.
 */
final class HistoryRows {

	/** The direction of a repeatable script's rows. */
	static final String REPEATABLE = "repeatable";

	private HistoryRows() {
	}

	/**
	 * A step that completed: the version table moved to the step's rows after.
	 * @param step the step
	 * @param installedBy {@code user@host}
	 * @param startedAt when it started
	 * @param millis how long it took
	 * @param statementsDone the statements committed one by one (0 for a step in one transaction)
	 * @param progressChecksum their checksum, or {@code null}
	 * @return the row
	 */
	static HistoryTable.Row succeeded(PlannedStep step, String installedBy, Instant startedAt, long millis,
			int statementsDone, String progressChecksum) {
		return row(step, step.rowsAfter(), installedBy, startedAt, millis, true, null, null, statementsDone,
				progressChecksum);
	}

	/**
	 * A step that failed: the version table stays at the step's rows before.
	 * @param step the step
	 * @param installedBy {@code user@host}
	 * @param startedAt when it started
	 * @param millis how long it took
	 * @param error the error
	 * @param failedStatement the failed statement's number, or {@code null}
	 * @param statementsDone the statements that stay committed
	 * @param progressChecksum their checksum, or {@code null}
	 * @return the row
	 */
	static HistoryTable.Row failed(PlannedStep step, String installedBy, Instant startedAt, long millis, String error,
			Integer failedStatement, int statementsDone, String progressChecksum) {
		return row(step, step.rowsBefore(), installedBy, startedAt, millis, false, error, failedStatement,
				statementsDone, progressChecksum);
	}

	/**
	 * A step about to run statement by statement, marked {@link HistoryTable#IN_PROGRESS} until it completes.
	 * @param step the step
	 * @param installedBy {@code user@host}
	 * @param startedAt when it started
	 * @param resumeAt the statements an earlier run committed
	 * @param progressChecksum their checksum, or {@code null}
	 * @return the row
	 */
	static HistoryTable.Row inProgress(PlannedStep step, String installedBy, Instant startedAt, int resumeAt,
			String progressChecksum) {
		return failed(step, installedBy, startedAt, 0, HistoryTable.IN_PROGRESS, null, resumeAt, progressChecksum);
	}

	/**
	 * A stamp: the version table set without running anything.
	 * @param id the revision stamped (or the rows, for a stamp that added none)
	 * @param before the rows before
	 * @param after the rows after
	 * @param message the revision's message, or empty
	 * @param script its script, or {@code null}
	 * @param startedAt when the stamp started
	 * @param millis how long it took so far
	 * @param installedBy {@code user@host}
	 * @return the row
	 */
	static HistoryTable.Row stamp(String id, List<String> before, List<String> after, String message, String script,
			Instant startedAt, long millis, String installedBy) {
		return new HistoryTable.Row(0, id, "stamp", before, after, message, script, null, startedAt, millis,
				installedBy, true, null, null, 0, null);
	}

	/**
	 * A repeatable script that was applied, or failed.
	 * @param script the script
	 * @param rows the version rows (unchanged by it)
	 * @param installedBy {@code user@host}
	 * @param startedAt when it started
	 * @param millis how long it took
	 * @param error the error, or {@code null} when it succeeded
	 * @param failedStatement the failed statement's number, or {@code null}
	 * @return the row
	 */
	static HistoryTable.Row repeatable(RepeatableScript script, List<String> rows, String installedBy,
			Instant startedAt, long millis, String error, Integer failedStatement) {
		return new HistoryTable.Row(0, script.name(), REPEATABLE, rows, rows, script.message(), script.location(),
				script.checksum(), startedAt, millis, installedBy, error == null, error, failedStatement, 0, null);
	}

	/**
	 * A repeatable script whose {@code Depends On} revision a downgrade reverted: no checksum, so the next upgrade
	 * that applies the revision again re-applies the script.
	 * @param script the script
	 * @param rows the version rows after the downgrade
	 * @param installedBy {@code user@host}
	 * @param reverted the revisions it depends on that are no longer applied
	 * @return the row
	 */
	static HistoryTable.Row repeatableReverted(RepeatableScript script, List<String> rows, String installedBy,
			List<String> reverted) {
		return new HistoryTable.Row(0, script.name(), REPEATABLE, rows, rows, "outdated: depends on "
				+ String.join(", ", reverted) + ", which was downgraded", script.location(), null, Instant.now(), 0,
				installedBy, true, null, null, 0, null);
	}

	private static HistoryTable.Row row(PlannedStep step, List<String> after, String installedBy, Instant startedAt,
			long millis, boolean success, String error, Integer failedStatement, int statementsDone,
			String progressChecksum) {
		return new HistoryTable.Row(0, step.revision(), step.verb(), step.rowsBefore(), after, step.message(),
				step.source(), step.checksum(), startedAt, millis, installedBy, success, error, failedStatement,
				statementsDone, progressChecksum);
	}

}
