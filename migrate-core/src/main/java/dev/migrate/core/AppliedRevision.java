package dev.migrate.core;

import java.util.List;

/**
 * One step a command ran (or, for {@code stamp}, recorded without running).
 *
 * @param revision the revision id
 * @param message the revision's message
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param executionMillis how long the step took
 * @param versionRowsAfter the version table's rows after the step, sorted
 */
public record AppliedRevision(String revision, String message, String direction, long executionMillis,
		List<String> versionRowsAfter) {

	public AppliedRevision {
		versionRowsAfter = List.copyOf(versionRowsAfter);
	}

}
