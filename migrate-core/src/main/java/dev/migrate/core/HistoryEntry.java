package dev.migrate.core;

import java.time.Instant;
import java.util.List;

/**
 * One row of the history table: the audit trail of what was applied, reverted or stamped.
 *
 * @param id the row id, increasing
 * @param revision the revision id
 * @param direction the command that wrote the row; its {@link CommandKind#verb()} is what the table stores
 * @param versionBefore the version rows before the step
 * @param versionAfter the version rows after the step (equal to before when it failed)
 * @param message the revision's message
 * @param checksum the script's checksum, or {@code null} for stamps
 * @param startedAt when the step started
 * @param executionMillis how long it took
 * @param installedBy the database user and host name, as {@code user@host}
 * @param success whether it succeeded
 * @param error the error text for a failed step, or {@code null}
 * @param failedStatement the index (from 1) of the statement that failed, or {@code null}
 */
public record HistoryEntry(long id, String revision, CommandKind direction, List<String> versionBefore,
		List<String> versionAfter, String message, String checksum, Instant startedAt, long executionMillis,
		String installedBy, boolean success, String error, Integer failedStatement) {

	public HistoryEntry {
		versionBefore = List.copyOf(versionBefore);
		versionAfter = List.copyOf(versionAfter);
	}

}
