package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.RepeatableInfo;
import dev.migrate.core.RepeatableState;
import dev.migrate.core.RepeatableStatus;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.Placeholders;
import dev.migrate.core.script.RepeatableScript;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;

/**
 * The repeatable scripts of a run: which are due, applying them after an upgrade's revisions, and what a
 * downgrade leaves them. A repeatable script is due when its checksum differs from the one the history table last
 * recorded for its name (a row with direction {@code repeatable}) and every revision of its {@code Depends On} is
 * applied; due scripts run in name order, each in its own transaction where the engine's DDL is transactional,
 * with its history row. A downgrade never runs or undoes one; it only records, for each applied script whose
 * {@code Depends On} revision it reverted, a row without checksum, so the upgrade that re-applies the revision
 * re-applies the script too.
 */
final class RepeatableScripts {

	private static final Logger logger = LoggerFactory.getLogger(RepeatableScripts.class);

	private final ScriptDirectory scripts;

	private final RevisionGraph graph;

	private final Placeholders placeholders;

	RepeatableScripts(ScriptDirectory scripts, RevisionGraph graph, Placeholders placeholders) {
		this.scripts = scripts;
		this.graph = graph;
		this.placeholders = placeholders;
	}

	/**
	 * @return whether there is any repeatable script
	 */
	boolean any() {
		return !this.scripts.repeatables().isEmpty();
	}

	/**
	 * @param rows the version rows
	 * @param history the history rows, newest first (those {@link HistoryTable#readForValidation} reads suffice)
	 * @return the scripts to apply now, in name order
	 */
	List<RepeatableScript> due(List<String> rows, List<HistoryRow> history) {
		Map<String, HistoryRow> last = lastApplied(history);
		Set<String> applied = applied(rows);
		List<RepeatableScript> due = new ArrayList<>();
		for (RepeatableScript script : this.scripts.repeatables()) {
			HistoryRow row = last.get(script.name());
			boolean changed = row == null || !script.checksum().equals(row.checksum());
			if (changed && applied.containsAll(script.dependsOn())) {
				due.add(script);
			}
		}
		return due;
	}

	/**
	 * @param rows the version rows
	 * @param history the history rows, newest first
	 * @return each script's state, in name order
	 */
	List<RepeatableStatus> statuses(List<String> rows, List<HistoryRow> history) {
		return statuses(applied(rows), history);
	}

	/**
	 * @param applied the ids of the applied revisions, as {@link AppliedRows} holds them
	 * @param history the history rows, newest first: every row, or at least each script's newest successful one
	 * @return each script's state, in name order
	 */
	List<RepeatableStatus> statuses(Set<String> applied, List<HistoryRow> history) {
		Map<String, HistoryRow> last = lastApplied(history);
		List<RepeatableStatus> statuses = new ArrayList<>();
		for (RepeatableScript script : this.scripts.repeatables()) {
			HistoryRow row = last.get(script.name());
			boolean changed = row == null || !script.checksum().equals(row.checksum());
			List<String> waitingFor = script.dependsOn().stream().filter((id) -> !applied.contains(id)).toList();
			RepeatableState state = !changed ? RepeatableState.APPLIED
					: waitingFor.isEmpty() ? RepeatableState.PENDING : RepeatableState.WAITING;
			statuses.add(new RepeatableStatus(info(script), state, (row != null) ? row.checksum() : null,
					(row != null && row.checksum() != null) ? row.startedAt() : null,
					(state == RepeatableState.WAITING) ? waitingFor : List.of()));
		}
		return statuses;
	}

	static RepeatableInfo info(RepeatableScript script) {
		return new RepeatableInfo(script.name(), script.location(), script.message(), script.dependsOn(),
				script.checksum());
	}

	/**
	 * Applies scripts on a connection the caller holds the migration lock on, each with its history row.
	 * @param connection the connection, in auto-commit mode (and in it again afterwards)
	 * @param dialect the dialect
	 * @param historyTable the history table, which exists
	 * @param due the scripts, in order
	 * @param rows the version rows, recorded as the rows before and after
	 * @param installedBy {@code user@host}
	 * @return the names applied, in order
	 * @throws MigrationFailedException naming the script, statement and line when one fails; the scripts before
	 * it stay applied
	 */
	List<String> apply(Connection connection, Dialect dialect, HistoryTable historyTable, List<RepeatableScript> due,
			List<String> rows, String installedBy) {
		SqlSyntax syntax = SqlSyntax.of(dialect.engine());
		SqlSink.Jdbc sink = new SqlSink.Jdbc(connection);
		List<String> applied = new ArrayList<>();
		for (RepeatableScript script : due) {
			List<SqlStatement> statements = statements(script, syntax);
			boolean transaction = script.transactional() && dialect.transactionalDdl();
			Instant startedAt = Instant.now();
			long start = System.nanoTime();
			int index = 0;
			try {
				if (transaction) {
					sink.begin();
				}
				for (SqlStatement statement : statements) {
					index++;
					sink.execute(statement.sql());
				}
				index = 0;
				append(historyTable, connection, HistoryRow.repeatable(script, rows, installedBy, startedAt,
						millisSince(start), null, null));
				if (transaction) {
					connection.commit();
					connection.setAutoCommit(true);
				}
			}
			catch (SQLException | RuntimeException ex) {
				sink.rollback();
				throw failed(connection, historyTable, script, statements, index, ex, transaction, rows, installedBy,
						startedAt, millisSince(start), applied);
			}
			applied.add(script.name());
			logger.info("Applied repeatable script '{}' ({}) in {} ms", script.name(), script.location(),
					millisSince(start));
		}
		return applied;
	}

	private static MigrationFailedException failed(Connection connection, HistoryTable historyTable,
			RepeatableScript script, List<SqlStatement> statements, int index, Exception ex, boolean transaction,
			List<String> rows, String installedBy, Instant startedAt, long millis, List<String> applied) {
		StepFailure failure = new StepFailure((index > 0) ? index : null,
				(index > 0) ? statements.get(index - 1).line() : null, ex, transaction ? 0 : Math.max(index - 1, 0));
		String error = failure.describe();
		try {
			append(historyTable, connection, HistoryRow.repeatable(script, rows, installedBy, startedAt, millis,
					error, failure.index()));
		}
		catch (SQLException | RuntimeException recordFailure) {
			logger.warn("Could not record the failure of repeatable script '{}' in {}: {}", script.name(),
					historyTable, recordFailure.getMessage());
		}
		String where = (index > 0) ? " at statement " + index + " (line " + failure.line() + ")" : "";
		String state = transaction ? "It was rolled back"
				: (failure.completed() == 0) ? "None of its statements had committed"
						: FailureNarrative.statements(1, failure.completed()) + " committed (it is not transactional)";
		String message = "Repeatable script '" + script.name() + "' (" + script.location() + ") failed" + where + ": "
				+ error + ". " + state + "; the upgrade's revisions stay applied, the version table holds " + rows
				+ (applied.isEmpty() ? "" : " and the repeatable scripts " + applied + " were applied")
				+ ". Fix the script and run upgrade again";
		return new MigrationFailedException(message, ex, script.name(), script.location(), failure.index(),
				failure.line(), failure.sqlState(), failure.databaseMessage(), rows, failure.completed());
	}

	/**
	 * After a downgrade: records, for each applied script one of whose {@code Depends On} revisions is no longer
	 * applied, a row without checksum, so the upgrade that re-applies the revision re-applies the script. Nothing
	 * runs against the schema: the revision's downgrade is what removes or keeps the object.
	 * @param connection the connection, in auto-commit mode
	 * @param historyTable the history table
	 * @param rows the version rows after the downgrade
	 * @param installedBy {@code user@host}
	 * @return the names marked
	 * @throws SQLException on a database error
	 */
	List<String> afterDowngrade(Connection connection, HistoryTable historyTable, List<String> rows,
			String installedBy) throws SQLException {
		if (!any()) {
			return List.of();
		}
		Map<String, HistoryRow> last = lastApplied(historyTable.readForValidation(connection));
		Set<String> applied = applied(rows);
		List<String> marked = new ArrayList<>();
		for (RepeatableScript script : this.scripts.repeatables()) {
			HistoryRow row = last.get(script.name());
			List<String> reverted = script.dependsOn().stream().filter((id) -> !applied.contains(id)).toList();
			if (row != null && row.checksum() != null && !reverted.isEmpty()) {
				append(historyTable, connection, HistoryRow.repeatableReverted(script, rows, installedBy, reverted));
				marked.add(script.name());
			}
		}
		if (!marked.isEmpty()) {
			logger.info("Repeatable scripts {} depend on a revision this downgrade reverted; the upgrade that applies"
					+ " it again re-applies them", marked);
		}
		return marked;
	}

	/**
	 * Writes every repeatable script whose {@code Depends On} revisions are applied at the end of an offline
	 * upgrade, in name order: without a database there is no checksum to compare with.
	 * @param sink the text sink
	 * @param dialect the dialect
	 * @param rows the version rows at the end of the range
	 */
	void writeOffline(SqlSink sink, Dialect dialect, List<String> rows) {
		SqlSyntax syntax = SqlSyntax.of(dialect.engine());
		Set<String> applied = applied(rows);
		for (RepeatableScript script : this.scripts.repeatables()) {
			if (!applied.containsAll(script.dependsOn())) {
				sink.comment("Skipping repeatable " + script.name() + ": it depends on "
						+ String.join(", ", script.dependsOn()) + ", not all applied at the end of this range");
				continue;
			}
			sink.comment("Running repeatable " + script.name());
			boolean transaction = script.transactional() && dialect.transactionalDdl();
			try {
				if (transaction) {
					sink.begin();
				}
				for (SqlStatement statement : statements(script, syntax)) {
					sink.execute(statement.sql());
				}
				if (transaction) {
					sink.commit();
				}
			}
			catch (SQLException ex) {
				throw new MigrateException("Offline SQL does not touch a database", ex);
			}
		}
	}

	private static void append(HistoryTable historyTable, Connection connection, HistoryRow row) throws SQLException {
		try (HistoryWriter writer = historyTable.writer(connection)) {
			writer.append(row);
		}
	}

	// The revisions the rows stand for: the rows and their ancestors.
	private Set<String> applied(List<String> rows) {
		Set<String> applied = new HashSet<>();
		for (String row : rows) {
			if (this.graph.get(row).isPresent()) {
				applied.add(row);
				applied.addAll(this.graph.ancestors(row));
			}
		}
		return applied;
	}

	// The newest successful 'repeatable' row of each name: its checksum is what the script was last applied as
	// (null after a downgrade reverted a revision it depends on).
	private static Map<String, HistoryRow> lastApplied(List<HistoryRow> history) {
		Map<String, HistoryRow> last = new HashMap<>();
		for (HistoryRow row : history) {
			if (row.success() && row.direction() == CommandKind.REPEATABLE) {
				last.putIfAbsent(row.revision(), row);
			}
		}
		return last;
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	// Placeholders are replaced as in a revision: ${migrate:revision} is the script's name.
	private List<SqlStatement> statements(RepeatableScript script, SqlSyntax syntax) {
		List<SqlStatement> statements = script.statements(syntax);
		return script.placeholders() ? this.placeholders.replaceAll(statements, script.location(), script.name())
				: statements;
	}

}
