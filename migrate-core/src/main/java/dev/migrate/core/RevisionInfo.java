package dev.migrate.core;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * A revision as commands report it: its header and where it stands in the graph and the database.
 *
 * @param id the revision id
 * @param revises the ids it revises (empty for a base)
 * @param branchLabels the branch labels it carries: its own and those spread to it from its branch, as Alembic
 * shows them
 * @param dependsOn the ids it depends on
 * @param message the one-line description
 * @param createDate the creation date, or {@code null}
 * @param source the file or class it came from
 * @param head whether no revision revises or depends on it
 * @param effectiveHead whether no revision revises it but some depend on it (Alembic's "effective head")
 * @param branchPoint whether two or more revisions revise it
 * @param mergePoint whether it revises two or more revisions
 * @param current whether the version table holds it (only known to commands that read the database)
 */
public record RevisionInfo(String id, List<String> revises, Set<String> branchLabels, List<String> dependsOn,
		String message, LocalDateTime createDate, String source, boolean head, boolean effectiveHead, boolean branchPoint,
		boolean mergePoint, boolean current) {

	public RevisionInfo {
		revises = List.copyOf(revises);
		branchLabels = Set.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	/**
	 * Alembic's marks for history lines, for example {@code " (head) (mergepoint)"}.
	 * @return the marks, each preceded by a space, or an empty string
	 */
	public String marks() {
		StringBuilder marks = new StringBuilder();
		if (this.head) {
			marks.append(" (head)");
		}
		if (this.effectiveHead) {
			marks.append(" (effective head)");
		}
		if (this.branchPoint) {
			marks.append(" (branchpoint)");
		}
		if (this.mergePoint) {
			marks.append(" (mergepoint)");
		}
		if (this.current) {
			marks.append(" (current)");
		}
		return marks.toString();
	}

}
