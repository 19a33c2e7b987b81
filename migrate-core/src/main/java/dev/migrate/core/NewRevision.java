package dev.migrate.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code migrate revision} and {@code migrate merge} write: a new SQL script from the template.
 *
 * @param message the one-line description (required)
 * @param directory where to write the file; {@code null} for the first {@code filesystem:} location
 * @param head the revision(s) the new one revises: {@code head} (the default), a revision or
 * {@code label@head}; for a merge, the revisions to merge (or {@code heads})
 * @param splice whether a revision that is not a head may be revised (starts a new branch)
 * @param branchLabels branch labels for the new revision
 * @param dependsOn revisions the new one depends on
 * @param revisionId the id to use instead of a random one, or {@code null}
 */
public record NewRevision(String message, Path directory, List<String> head, boolean splice,
		List<String> branchLabels, List<String> dependsOn, String revisionId) {

	public NewRevision {
		head = (head != null && !head.isEmpty()) ? List.copyOf(head) : List.of("head");
		branchLabels = (branchLabels != null) ? List.copyOf(branchLabels) : List.of();
		dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : List.of();
	}

}
