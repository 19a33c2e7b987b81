package dev.migrate.core;

import java.util.List;

/**
 * A read-only picture of a database against its scripts, for status commands, the Actuator endpoint and the
 * health indicator.
 *
 * @param current the version table's rows, sorted
 * @param heads the graph's heads, sorted
 * @param pending the ids an upgrade to heads would run, in the order it would run them
 * @param revisions every revision (newest first, as {@code history} lists them), then orphans
 * @param recentHistory the latest history rows, newest first
 * @param repeatables every repeatable script with its state, by name
 */
public record MigrationInfo(List<String> current, List<String> heads, List<String> pending,
		List<RevisionStatus> revisions, List<HistoryEntry> recentHistory, List<RepeatableStatus> repeatables) {

	public MigrationInfo {
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		revisions = List.copyOf(revisions);
		recentHistory = List.copyOf(recentHistory);
		repeatables = List.copyOf(repeatables);
	}

	/**
	 * Without repeatable scripts.
	 * @param current the version table's rows, sorted
	 * @param heads the graph's heads, sorted
	 * @param pending the ids an upgrade to heads would run
	 * @param revisions every revision, then orphans
	 * @param recentHistory the latest history rows, newest first
	 */
	public MigrationInfo(List<String> current, List<String> heads, List<String> pending,
			List<RevisionStatus> revisions, List<HistoryEntry> recentHistory) {
		this(current, heads, pending, revisions, recentHistory, List.of());
	}

	/**
	 * @return whether the database is at heads and every repeatable script is applied as it is now
	 */
	public boolean isUpToDate() {
		return this.pending.isEmpty() && this.revisions.stream().noneMatch((r) -> r.state() == RevisionState.ORPHANED)
				&& this.repeatables.stream().allMatch((r) -> r.state() == RepeatableState.APPLIED);
	}

}
