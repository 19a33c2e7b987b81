package dev.migrate.core.runtime;

import java.sql.SQLException;
import java.util.List;

import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;

/**
 * What status reads ({@link dev.migrate.core.Migrator#health()}, {@link dev.migrate.core.Migrator#info(int, int)})
 * would otherwise compute on every call at a cost that grows with the revisions, computed once and kept while its
 * inputs stay the same: the revision list's order (per graph), what the version rows apply (per graph and version
 * rows) and where the history table holds each revision's facts (per graph, version rows and newest history row).
 * Each is one entry, replaced when its inputs change; a health probe or the Actuator endpoint then pays the walks
 * once per migration, not once per request. Thread-safe: two callers that miss at once both compute, and either
 * result is kept.
 */
final class StatusCache {

	private volatile Order order;

	private volatile Applied applied;

	private volatile Facts facts;

	/**
	 * @param graph the graph
	 * @return its revisions newest first, as {@code history} lists them
	 */
	List<Revision> newestFirst(RevisionGraph graph) {
		Order cached = this.order;
		if (cached == null || cached.graph() != graph) {
			cached = new Order(graph, graph.history(null));
			this.order = cached;
		}
		return cached.revisions();
	}

	/**
	 * @param graph the graph
	 * @param rows the version rows, sorted
	 * @return what the rows apply
	 */
	AppliedRows applied(RevisionGraph graph, List<String> rows) {
		Applied cached = this.applied;
		if (cached == null || cached.graph() != graph || !cached.rows().rows().equals(rows)) {
			cached = new Applied(graph, AppliedRows.of(graph, rows));
			this.applied = cached;
		}
		return cached.rows();
	}

	/**
	 * @param graph the graph
	 * @param rows the version rows, sorted
	 * @param newestId the id of the newest history row, or {@code 0} when there is none
	 * @param history reads every history row, newest first, when the facts must be found again
	 * @return where each revision's and repeatable script's facts are
	 * @throws SQLException if reading the history fails
	 */
	HistoryFacts facts(RevisionGraph graph, List<String> rows, long newestId, HistoryReader history)
			throws SQLException {
		// A migration changes the version rows or adds a history row, and repair deletes only failed rows, which
		// hold no facts; the rows found by id are read again on every call, so a checksum repair rewrote shows.
		Facts cached = this.facts;
		if (cached == null || cached.graph() != graph || cached.newestId() != newestId || !cached.rows().equals(rows)) {
			cached = new Facts(graph, List.copyOf(rows), newestId, HistoryFacts.of(history.read()));
			this.facts = cached;
		}
		return cached.facts();
	}

	/**
	 * Reads the whole history, newest first.
	 */
	@FunctionalInterface
	interface HistoryReader {

		List<HistoryRow> read() throws SQLException;

	}

	private record Order(RevisionGraph graph, List<Revision> revisions) {

	}

	private record Applied(RevisionGraph graph, AppliedRows rows) {

	}

	private record Facts(RevisionGraph graph, List<String> rows, long newestId, HistoryFacts facts) {

	}

}
