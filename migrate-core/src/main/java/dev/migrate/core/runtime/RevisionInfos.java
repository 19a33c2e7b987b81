package dev.migrate.core.runtime;

import java.util.List;
import java.util.Set;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;

/**
 * Turns the graph's revisions into the facade's {@link RevisionInfo} records.
 */
final class RevisionInfos {

	private RevisionInfos() {
	}

	/**
	 * @param graph the graph
	 * @param revision one of its revisions
	 * @param current the version rows, to mark the revision current
	 * @return the record
	 */
	static RevisionInfo of(RevisionGraph graph, Revision revision, Set<String> current) {
		return new RevisionInfo(revision.id(), revision.revises(), graph.branchLabels(revision.id()),
				revision.dependsOn(), revision.message(), revision.createDate(), revision.source(),
				graph.isHead(revision.id()), graph.isEffectiveHead(revision.id()),
				graph.isBranchPoint(revision.id()), graph.isMergePoint(revision.id()), current.contains(revision.id()));
	}

	/**
	 * @param graph the graph
	 * @param rows version rows
	 * @return the rows the graph knows, in order
	 */
	static List<String> known(RevisionGraph graph, List<String> rows) {
		return rows.stream().filter((row) -> graph.get(row).isPresent()).toList();
	}

}
