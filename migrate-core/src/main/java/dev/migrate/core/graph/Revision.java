package dev.migrate.core.graph;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One node of the revision graph, as a script's header declares it.
 *
 * @param id the revision id (letters, digits and underscores, at most 32 characters, as the version table
 * holds them)
 * @param revises the ids this revision revises: none for a base, two or more for a merge point
 * @param branchLabels labels that name the branch starting at (or passing through) this revision
 * @param dependsOn ids this revision depends on without revising them (cross-branch dependencies)
 * @param message the one-line description
 * @param createDate when the revision was created, or {@code null} if the script does not say
 * @param source where the revision came from (a file path or a class name), for error messages
 */
public record Revision(String id, List<String> revises, Set<String> branchLabels, List<String> dependsOn,
		String message, LocalDateTime createDate, String source) {

	/** The longest id the version table can hold. */
	public static final int MAX_ID_LENGTH = 32;

	// Alembic's verify_rev_id rejects the target grammar's own characters (@ - + :); we accept a plain name only.
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1," + MAX_ID_LENGTH + "}");

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]+");

	/**
	 * Validates every field and copies the collections.
	 */
	public Revision {
		requireText(id, "id", source);
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("Revision id '" + id + "' in " + source
					+ " is not valid: use 1 to 32 letters, digits or underscores (no '@', '-', '+', ':' or spaces)");
		}
		if (RevisionGraph.KEYWORDS.contains(id)) {
			throw new IllegalArgumentException("Revision id '" + id + "' in " + source + " is a target keyword ("
					+ String.join(", ", RevisionGraph.TARGET_KEYWORDS) + "), which no target could name; choose another"
					+ " id");
		}
		revises = List.copyOf(revises);
		branchLabels = Set.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
		for (String label : branchLabels) {
			if (!LABEL.matcher(label).matches()) {
				throw new IllegalArgumentException("Branch label '" + label + "' of revision '" + id + "' in "
						+ source + " is not valid: use letters, digits or underscores");
			}
		}
		if (revises.contains(id) || dependsOn.contains(id)) {
			throw new IllegalArgumentException("Revision '" + id + "' in " + source + " revises or depends on itself");
		}
		message = (message != null) ? message : "";
		requireText(source, "source", id);
	}

	/**
	 * @return whether this revision revises nothing
	 */
	public boolean isBase() {
		return this.revises.isEmpty();
	}

	/**
	 * @return whether this revision revises two or more revisions
	 */
	public boolean isMergePoint() {
		return this.revises.size() > 1;
	}

	private static void requireText(String value, String what, String where) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Revision " + what + " is missing (" + where + ")");
		}
	}

}
