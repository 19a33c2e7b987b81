package dev.migrate.cli;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import dev.migrate.core.RevisionInfo;

/**
 * Revisions for formatting tests, as the facade reports them.
 */
final class RevisionFixtures {

	private RevisionFixtures() {
	}

	static RevisionInfo revision(String id, List<String> revises, String message, boolean head, boolean branchPoint) {
		return new RevisionInfo(id, revises, Set.of(), List.of(), message, LocalDateTime.of(2026, 11, 24, 10, 0),
				"migrations/" + id + "_x.sql", head, false, branchPoint, revises.size() > 1, false);
	}

	/** base a, then b, then head c. */
	static List<RevisionInfo> linear() {
		return List.of(revision("c", List.of("b"), "third", true, false), revision("b", List.of("a"), "second", false, false),
				revision("a", List.of(), "first", false, false));
	}

	/** a branches into b and c, both heads. */
	static List<RevisionInfo> branched() {
		return List.of(revision("c", List.of("a"), "right", true, false), revision("b", List.of("a"), "left", true, false),
				revision("a", List.of(), "root", false, true));
	}

	/** a branches into b and c, merged by m. */
	static List<RevisionInfo> diamond() {
		return List.of(revision("m", List.of("b", "c"), "merge", true, false),
				revision("c", List.of("a"), "right", false, false), revision("b", List.of("a"), "left", false, false),
				revision("a", List.of(), "root", false, true));
	}

}
