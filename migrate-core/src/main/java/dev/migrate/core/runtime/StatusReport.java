package dev.migrate.core.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrationInfo;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.RevisionState;
import dev.migrate.core.RevisionStatus;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.MigrationScript;

/**
 * Assembles {@link MigrationInfo}: every revision of the scripts as applied or pending (with when, by whom and how
 * long from its last successful upgrade), version rows no script defines as orphaned, and the recent history.
 */
final class StatusReport {

	private static final int RECENT_HISTORY = 20;

	private StatusReport() {
	}

	/**
	 * @param scripts the scripts and their graph
	 * @param rows the version rows
	 * @param history the history rows, newest first
	 * @return the report
	 */
	static MigrationInfo of(Scripts scripts, List<String> rows, List<HistoryRow> history) {
		RevisionGraph graph = scripts.graph();
		List<String> knownRows = RevisionInfos.known(graph, rows);
		Set<String> applied = new HashSet<>(knownRows);
		knownRows.forEach((row) -> applied.addAll(graph.ancestors(row)));
		List<String> pending = graph.plan(knownRows, "heads", Direction.UPGRADE)
			.stream()
			.map((step) -> step.revision().id())
			.toList();
		Map<String, HistoryRow> lastUpgrade = new HashMap<>();
		for (HistoryRow row : history) {
			if (row.succeededUpgrade()) {
				lastUpgrade.putIfAbsent(row.revision(), row);
			}
		}
		List<RevisionStatus> statuses = new ArrayList<>();
		for (Revision revision : graph.history(null)) {
			boolean isApplied = applied.contains(revision.id());
			HistoryRow ran = isApplied ? lastUpgrade.get(revision.id()) : null;
			String checksum = scripts.directory().get(revision.id()).map(MigrationScript::checksum).orElse(null);
			statuses.add(new RevisionStatus(RevisionInfos.of(graph, revision, Set.copyOf(rows)),
					isApplied ? RevisionState.APPLIED : RevisionState.PENDING,
					(ran != null) ? ran.startedAt() : null, (ran != null) ? ran.installedBy() : null,
					(ran != null) ? ran.executionMillis() : null, checksum));
		}
		for (String row : rows) {
			if (graph.get(row).isEmpty()) {
				HistoryRow ran = lastUpgrade.get(row);
				statuses.add(new RevisionStatus(
						new RevisionInfo(row, List.of(), Set.of(), List.of(), "",
								null, (ran != null && ran.script() != null) ? ran.script() : "", false, false, false,
								false, true),
						RevisionState.ORPHANED, (ran != null) ? ran.startedAt() : null,
						(ran != null) ? ran.installedBy() : null, (ran != null) ? ran.executionMillis() : null,
						null));
			}
		}
		List<String> heads = graph.heads().stream().map(Revision::id).sorted().toList();
		List<HistoryEntry> recent = history.stream().limit(RECENT_HISTORY).map(HistoryRow::toEntry).toList();
		return new MigrationInfo(rows, heads, pending, statuses, recent);
	}

}
