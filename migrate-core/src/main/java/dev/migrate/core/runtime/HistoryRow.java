package dev.migrate.core.runtime;

import java.time.Instant;
import java.util.List;

import dev.migrate.core.CommandKind;
import dev.migrate.core.HistoryEntry;

/**
 * One history row, with the progress columns the public {@link HistoryEntry} leaves out. The runtime builds rows
 * through the named factories ({@link #succeeded}, {@link #failed}, {@link #inProgress}, {@link #stamp}); only the
 * table's reader fills every column itself.
 *
 * @param id the id ({@code 0} before insertion)
 * @param revision the revision id (for stamps, the target rows)
 * @param direction the command that wrote the row
 * @param versionBefore rows before
 * @param versionAfter rows after
 * @param message the revision's message
 * @param script the script file or class
 * @param checksum the script's checksum
 * @param startedAt when it started
 * @param executionMillis how long it took
 * @param installedBy {@code user@host}
 * @param success whether it succeeded
 * @param error the error, or {@code null}
 * @param failedStatement the failed statement's index, or {@code null}
 * @param statementsDone how many statements were committed outside a transaction
 * @param progressChecksum the checksum of those statements
 */
record HistoryRow(long id, String revision, CommandKind direction, List<String> versionBefore,
		List<String> versionAfter, String message, String script, String checksum, Instant startedAt,
		long executionMillis, String installedBy, boolean success, String error, Integer failedStatement,
		int statementsDone, String progressChecksum) {

	/** The error of a row whose step has not finished (or whose run was killed before it did). */
	static final String IN_PROGRESS = "in progress (interrupted before it finished)";

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
	static HistoryRow succeeded(PlannedStep step, String installedBy, Instant startedAt, long millis,
			int statementsDone, String progressChecksum) {
		return of(step, step.rowsAfter(), installedBy, startedAt, millis, true, null, null, statementsDone,
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
	static HistoryRow failed(PlannedStep step, String installedBy, Instant startedAt, long millis, String error,
			Integer failedStatement, int statementsDone, String progressChecksum) {
		return of(step, step.rowsBefore(), installedBy, startedAt, millis, false, error, failedStatement,
				statementsDone, progressChecksum);
	}

	/**
	 * A step about to run statement by statement, marked {@link #IN_PROGRESS} until it completes.
	 * @param step the step
	 * @param installedBy {@code user@host}
	 * @param startedAt when it started
	 * @param resumeAt the statements an earlier run committed
	 * @param progressChecksum their checksum, or {@code null}
	 * @return the row
	 */
	static HistoryRow inProgress(PlannedStep step, String installedBy, Instant startedAt, int resumeAt,
			String progressChecksum) {
		return failed(step, installedBy, startedAt, 0, IN_PROGRESS, null, resumeAt, progressChecksum);
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
	static HistoryRow stamp(String id, List<String> before, List<String> after, String message, String script,
			Instant startedAt, long millis, String installedBy) {
		return new HistoryRow(0, id, CommandKind.STAMP, before, after, message, script, null, startedAt, millis,
				installedBy, true, null, null, 0, null);
	}

	/**
	 * What validation compares of a stored row: the other columns are left empty.
	 * @param revision the revision id
	 * @param direction the command that wrote it
	 * @param success whether it succeeded
	 * @param checksum the script's checksum, or {@code null}
	 * @return the row
	 */
	static HistoryRow forValidation(String revision, CommandKind direction, boolean success, String checksum) {
		return new HistoryRow(0, revision, direction, List.of(), List.of(), null, null, checksum, null, 0, null,
				success, null, null, 0, null);
	}

	private static HistoryRow of(PlannedStep step, List<String> after, String installedBy, Instant startedAt,
			long millis, boolean success, String error, Integer failedStatement, int statementsDone,
			String progressChecksum) {
		return new HistoryRow(0, step.revision(), CommandKind.of(step.direction()), step.rowsBefore(), after,
				step.message(), step.source(), step.checksum(), startedAt, millis, installedBy, success, error,
				failedStatement, statementsDone, progressChecksum);
	}

	/**
	 * @return whether this row is a successful upgrade, the only kind whose checksum validation compares
	 */
	boolean succeededUpgrade() {
		return this.success && this.direction == CommandKind.UPGRADE;
	}

	/**
	 * @return whether the run that wrote this row stopped before the step finished
	 */
	boolean interrupted() {
		return IN_PROGRESS.equals(this.error);
	}

	HistoryEntry toEntry() {
		return new HistoryEntry(this.id, this.revision, this.direction, this.versionBefore, this.versionAfter,
				this.message, this.checksum, this.startedAt, this.executionMillis, this.installedBy, this.success,
				this.error, this.failedStatement);
	}

}
