package dev.migrate.core;

import java.util.List;

/**
 * One page of {@link MigrationInfo}: the same summary (current and head revisions, pending revisions, recent
 * history, repeatable scripts) with one page of the revision list instead of all of it, read at a cost that grows
 * with the page, not with the number of revisions. {@link Migrator#info(int, int)} reads it.
 *
 * @param current the version table's rows, sorted
 * @param heads the graph's heads, sorted
 * @param pending the ids an upgrade to heads would run, in the order it would run them
 * @param revisions this page of the revision list: every revision (newest first, as {@code history} lists them),
 * then orphans, as {@link MigrationInfo#revisions()} orders them
 * @param page the page, from 0
 * @param size the most revisions per page
 * @param total how many revisions the whole list holds (the scripts' revisions and the orphans)
 * @param recentHistory the latest history rows, newest first: as many as asked for (by default
 * {@link #DEFAULT_RECENT_HISTORY}), fewer when the history holds fewer
 * @param repeatables every repeatable script with its state, by name
 */
public record MigrationInfoPage(List<String> current, List<String> heads, List<String> pending,
		List<RevisionStatus> revisions, int page, int size, int total, List<HistoryEntry> recentHistory,
		List<RepeatableStatus> repeatables) {

	/** The most revisions a page may hold. */
	public static final int MAX_SIZE = 1000;

	/** How many of the newest history rows a page holds unless asked for another number. */
	public static final int DEFAULT_RECENT_HISTORY = 20;

	/** The most history rows a page may hold. */
	public static final int MAX_RECENT_HISTORY = 1000;

	public MigrationInfoPage {
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		revisions = List.copyOf(revisions);
		recentHistory = List.copyOf(recentHistory);
		repeatables = List.copyOf(repeatables);
	}

	/**
	 * @return how many pages the revision list fills (0 when it is empty)
	 */
	public int pages() {
		return (int) ((this.total + (long) this.size - 1) / this.size);
	}

	/**
	 * Checks a page request.
	 * @param page the page, from 0
	 * @param size the most revisions per page, from 1 to {@link #MAX_SIZE}
	 * @param recentHistory the most history rows, from 0 to {@link #MAX_RECENT_HISTORY}
	 * @throws IllegalArgumentException naming the parameter that is out of range
	 */
	static void check(int page, int size, int recentHistory) {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more (the first page is 0), was " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
		}
		if (recentHistory < 0 || recentHistory > MAX_RECENT_HISTORY) {
			throw new IllegalArgumentException(
					"recentHistory must be between 0 and " + MAX_RECENT_HISTORY + ", was " + recentHistory);
		}
	}

}
