package dev.migrate.core;

import java.util.List;

/**
 * One step a command ran (or, for {@code stamp}, recorded without running).
 *
 * @param revision the revision id
 * @param message the revision's message
 * @param command the command that ran the step
 * @param executionMillis how long the step took
 * @param versionRowsBefore the version table's rows before the step, sorted
 * @param versionRowsAfter the version table's rows after the step, sorted
 */
public record AppliedRevision(String revision, String message, CommandKind command, long executionMillis,
		List<String> versionRowsBefore, List<String> versionRowsAfter) {

	public AppliedRevision {
		versionRowsBefore = List.copyOf(versionRowsBefore);
		versionRowsAfter = List.copyOf(versionRowsAfter);
	}

}
