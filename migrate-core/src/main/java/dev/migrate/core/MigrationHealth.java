package dev.migrate.core;

import java.util.List;

/**
 * What a health check needs to know, read at a cost that does not grow with the number of revisions: the version
 * rows, the graph's heads (from the cached scripts), how many revisions an upgrade would run, the repeatable
 * scripts it would run, the version rows no script defines, and the newest history row. {@link MigrationInfo}
 * holds every revision's status instead, for reports that list them.
 *
 * @param current the version table's rows, sorted
 * @param heads the graph's heads, sorted
 * @param pending how many revisions an upgrade to heads would run
 * @param pendingRepeatables the repeatable scripts an upgrade would run now (new or changed since they last ran,
 * with every revision of their {@code Depends On} applied), by name, sorted
 * @param orphaned the version rows no script defines, sorted
 * @param lastRun the newest history row, or {@code null} when there is none
 */
public record MigrationHealth(List<String> current, List<String> heads, int pending, List<String> pendingRepeatables,
		List<String> orphaned, HistoryEntry lastRun) {

	public MigrationHealth {
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pendingRepeatables = List.copyOf(pendingRepeatables);
		orphaned = List.copyOf(orphaned);
	}

	/**
	 * @return whether an upgrade to heads would run anything: a revision or a repeatable script
	 */
	public boolean upgradePending() {
		return this.pending > 0 || !this.pendingRepeatables.isEmpty();
	}

	/**
	 * @return whether the newest run failed
	 */
	public boolean lastRunFailed() {
		return this.lastRun != null && !this.lastRun.success();
	}

}
