package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migrate.core.MigrationInfoPage;
import dev.migrate.core.RepeatableStatus;
import dev.migrate.core.RevisionStatus;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.Placeholders;

/**
 * Assembles {@link MigrationInfoPage}: {@link StatusReport}'s summary with one page of its revision list, read with
 * statements whose cost does not grow with the revisions. Per call: the version rows, the newest history rows
 * (which also tell whether the history changed), and the page's and repeatable scripts' history rows by id; the
 * order of the revisions, what the version rows apply and where each revision's history row is come from the
 * {@link StatusCache}, computed again only after a migration.
 */
final class StatusPage {

	private StatusPage() {
	}

	/**
	 * One revision's status, as a page holding only it would show it.
	 * @param session the session (nothing is written)
	 * @param scripts the scripts and their graph
	 * @param cache what earlier reads computed
	 * @param id a full revision id: a script's or an orphaned version row's
	 * @return its status, or empty when neither the scripts nor the version rows know it
	 * @throws SQLException if a read fails
	 */
	static Optional<RevisionStatus> readOne(DatabaseSession session, Scripts scripts, StatusCache cache, String id)
			throws SQLException {
		Connection connection = session.connection();
		HistoryTable historyTable = session.historyTable();
		RevisionGraph graph = scripts.graph();
		List<String> rows = session.versionTable().read(connection);
		Revision revision = graph.get(id).orElse(null);
		if (revision == null && !rows.contains(id)) {
			return Optional.empty();
		}
		List<HistoryRow> newest = historyTable.read(connection, 1);
		AppliedRows applied = cache.applied(graph, rows);
		HistoryFacts facts = cache.facts(graph, rows, newest.isEmpty() ? 0 : newest.get(0).id(),
				() -> historyTable.read(connection, 0));
		boolean isApplied = revision == null || applied.applied().contains(id);
		Long rowId = isApplied ? facts.upgrades().get(id) : null;
		HistoryRow ran = (rowId != null) ? historyTable.readIds(connection, List.of(rowId)).stream().findFirst().orElse(null)
				: null;
		return Optional.of((revision != null) ? StatusReport.status(scripts, revision, Set.copyOf(rows), isApplied, ran)
				: StatusReport.orphan(id, ran));
	}

	/**
	 * @param session the session (nothing is written)
	 * @param scripts the scripts and their graph
	 * @param cache what earlier reads computed
	 * @param page the page, from 0
	 * @param size the most revisions per page
	 * @param recentHistory the most history rows to show
	 * @return the page
	 * @throws SQLException if a read fails
	 */
	static MigrationInfoPage read(DatabaseSession session, Scripts scripts, StatusCache cache, int page, int size,
			int recentHistory) throws SQLException {
		Connection connection = session.connection();
		HistoryTable historyTable = session.historyTable();
		RevisionGraph graph = scripts.graph();
		List<String> rows = session.versionTable().read(connection);
		// At least the newest row, shown or not: it tells the cache whether the history changed.
		List<HistoryRow> newest = historyTable.read(connection, Math.max(1, recentHistory));
		List<HistoryRow> recent = newest.subList(0, Math.min(recentHistory, newest.size()));
		long newestId = newest.isEmpty() ? 0 : newest.get(0).id();
		AppliedRows applied = cache.applied(graph, rows);
		HistoryFacts facts = cache.facts(graph, rows, newestId, () -> historyTable.read(connection, 0));
		List<Revision> order = cache.newestFirst(graph);
		int total = order.size() + applied.orphaned().size();
		int from = (int) Math.min((long) page * size, total);
		int to = (int) Math.min((long) from + size, total);

		// The page's history rows and the repeatable scripts' newest, in one lookup by primary key.
		Set<Long> ids = new LinkedHashSet<>();
		for (int i = from; i < to; i++) {
			String id = (i < order.size()) ? order.get(i).id() : applied.orphaned().get(i - order.size());
			Long row = facts.upgrades().get(id);
			if (row != null && (i >= order.size() || applied.applied().contains(id))) {
				ids.add(row);
			}
		}
		ids.addAll(facts.repeatables().values());
		Map<Long, HistoryRow> byId = new HashMap<>();
		for (HistoryRow row : historyTable.readIds(connection, ids)) {
			byId.put(row.id(), row);
		}

		Set<String> current = Set.copyOf(rows);
		List<RevisionStatus> statuses = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			if (i < order.size()) {
				Revision revision = order.get(i);
				boolean isApplied = applied.applied().contains(revision.id());
				statuses.add(StatusReport.status(scripts, revision, current, isApplied,
						isApplied ? byId.get(facts.upgrades().get(revision.id())) : null));
			}
			else {
				String orphan = applied.orphaned().get(i - order.size());
				statuses.add(StatusReport.orphan(orphan, byId.get(facts.upgrades().get(orphan))));
			}
		}
		List<HistoryRow> repeatableRows = new ArrayList<>();
		facts.repeatables().values().stream().map(byId::get).filter((row) -> row != null).forEach(repeatableRows::add);
		List<RepeatableStatus> repeatables = new RepeatableScripts(scripts.directory(), graph, Placeholders.none())
			.statuses(applied.applied(), repeatableRows);
		List<String> heads = graph.heads().stream().map(Revision::id).sorted().toList();
		return new MigrationInfoPage(rows, heads, applied.pending(), statuses, page, size, total,
				recent.stream().map(HistoryRow::toEntry).toList(), repeatables);
	}

}
