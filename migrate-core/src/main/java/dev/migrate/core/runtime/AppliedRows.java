package dev.migrate.core.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.RevisionGraph;

/**
 * What a set of version rows means against a graph: the revisions they apply (the rows the graph knows and every
 * ancestor of them), the ids an upgrade to heads would run, and the rows no script defines. Computing it walks the
 * graph, so its cost grows with the revisions; {@link StatusCache} keeps the latest one for status reads.
 *
 * @param rows the version rows, sorted
 * @param applied the ids of the applied revisions
 * @param pending the ids an upgrade to heads would run, in order
 * @param orphaned the rows no script defines, sorted
 */
record AppliedRows(List<String> rows, Set<String> applied, List<String> pending, List<String> orphaned) {

	AppliedRows {
		rows = List.copyOf(rows);
		applied = Set.copyOf(applied);
		pending = List.copyOf(pending);
		orphaned = List.copyOf(orphaned);
	}

	/**
	 * @param graph the graph
	 * @param rows the version rows, sorted
	 * @return what they apply, what is pending and what is orphaned
	 */
	static AppliedRows of(RevisionGraph graph, List<String> rows) {
		List<String> known = RevisionInfos.known(graph, rows);
		Set<String> applied = new HashSet<>(known);
		known.forEach((row) -> applied.addAll(graph.ancestors(row)));
		List<String> pending = graph.plan(known, "heads", Direction.UPGRADE)
			.stream()
			.map((step) -> step.revision().id())
			.toList();
		List<String> orphaned = rows.stream().filter((row) -> graph.get(row).isEmpty()).sorted().toList();
		return new AppliedRows(rows, applied, pending, orphaned);
	}

}
