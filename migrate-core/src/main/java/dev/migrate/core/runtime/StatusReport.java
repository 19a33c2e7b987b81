package dev.migrate.core.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrationInfo;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.RevisionState;
import dev.migrate.core.RevisionStatus;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.Placeholders;
import dev.migrate.core.script.MigrationScript;

/**
 * Assembles {@link MigrationInfo}: every revision of the scripts as applied or pending (with when, by whom and how
 * long from its last successful upgrade), version rows no script defines as orphaned, the repeatable scripts' states,
 * and the recent history. {@link StatusPage} assembles one page of it with the same statuses.
 */
final class StatusReport {

	/** How many of the newest history rows a report shows. */
	static final int RECENT_HISTORY = dev.migrate.core.MigrationInfoPage.DEFAULT_RECENT_HISTORY;

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
		AppliedRows applied = AppliedRows.of(graph, rows);
		Map<String, HistoryRow> lastUpgrade = new HashMap<>();
		for (HistoryRow row : history) {
			if (row.succeededUpgrade()) {
				lastUpgrade.putIfAbsent(row.revision(), row);
			}
		}
		List<RevisionStatus> statuses = new ArrayList<>();
		Set<String> current = Set.copyOf(rows);
		for (Revision revision : graph.history(null)) {
			boolean isApplied = applied.applied().contains(revision.id());
			statuses.add(status(scripts, revision, current, isApplied,
					isApplied ? lastUpgrade.get(revision.id()) : null));
		}
		for (String row : applied.orphaned()) {
			statuses.add(orphan(row, lastUpgrade.get(row)));
		}
		List<String> heads = graph.heads().stream().map(Revision::id).sorted().toList();
		List<HistoryEntry> recent = history.stream().limit(RECENT_HISTORY).map(HistoryRow::toEntry).toList();
		List<dev.migrate.core.RepeatableStatus> repeatables = new RepeatableScripts(scripts.directory(), graph, Placeholders.none())
			.statuses(rows, history);
		return new MigrationInfo(rows, heads, applied.pending(), statuses, recent, repeatables);
	}

	/**
	 * @param scripts the scripts and their graph
	 * @param revision one of the graph's revisions
	 * @param current the version rows
	 * @param applied whether the version rows apply it
	 * @param ran its newest successful upgrade row, or {@code null}
	 * @return its status
	 */
	static RevisionStatus status(Scripts scripts, Revision revision, Set<String> current, boolean applied,
			HistoryRow ran) {
		String checksum = scripts.directory().get(revision.id()).map(MigrationScript::checksum).orElse(null);
		return new RevisionStatus(RevisionInfos.of(scripts.graph(), revision, current),
				applied ? RevisionState.APPLIED : RevisionState.PENDING, (ran != null) ? ran.startedAt() : null,
				(ran != null) ? ran.installedBy() : null, (ran != null) ? ran.executionMillis() : null, checksum);
	}

	/**
	 * @param row a version row no script defines
	 * @param ran its newest successful upgrade row, or {@code null}
	 * @return its status, with only what the history row tells
	 */
	static RevisionStatus orphan(String row, HistoryRow ran) {
		return new RevisionStatus(
				new RevisionInfo(row, List.of(), Set.of(), List.of(), "", null,
						(ran != null && ran.script() != null) ? ran.script() : "", false, false, false, false, true),
				RevisionState.ORPHANED, (ran != null) ? ran.startedAt() : null, (ran != null) ? ran.installedBy() : null,
				(ran != null) ? ran.executionMillis() : null, null);
	}

}
