package dev.migrate.core.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateException;
import dev.migrate.core.ValidationFailedException;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Step;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.PlannedStep.StepStatement;
import dev.migrate.core.script.JavaMigrationScript;
import dev.migrate.core.script.MigrationScript;
import dev.migrate.core.script.Placeholders;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.SqlMigrationScript;
import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;

/**
 * Turns the graph's steps into runnable steps with their scripts' statements, and checks the whole plan
 * before anything runs: irreversible revisions in a downgrade, scripts edited or deleted after they ran.
 */
final class MigrationPlanner {

	private final RevisionGraph graph;

	private final ScriptDirectory scripts;

	private final Dialect dialect;

	private final Placeholders placeholders;

	MigrationPlanner(RevisionGraph graph, ScriptDirectory scripts, Dialect dialect) {
		this(graph, scripts, dialect, Placeholders.none());
	}

	/**
	 * @param placeholders what replaces {@code ${name}} in the statements of SQL scripts that allow it
	 */
	MigrationPlanner(RevisionGraph graph, ScriptDirectory scripts, Dialect dialect, Placeholders placeholders) {
		this.graph = graph;
		this.scripts = scripts;
		this.dialect = dialect;
		this.placeholders = placeholders;
	}

	/**
	 * Plans the steps from the current rows to the target.
	 * @param rows the version rows
	 * @param target the target
	 * @param direction which way
	 * @return the steps, each with its statements
	 * @throws ValidationFailedException if a downgrade step is irreversible
	 */
	List<PlannedStep> plan(Collection<String> rows, Target target, Direction direction) {
		List<Step> steps = this.graph.plan(rows, target, direction);
		List<String> problems = new ArrayList<>();
		List<PlannedStep> planned = new ArrayList<>();
		for (Step step : steps) {
			MigrationScript script = script(step.revision().id());
			if (direction == Direction.DOWNGRADE && !script.reversible()) {
				problems.add("Revision '" + step.revision().id() + "' (" + script.location() + ") is irreversible"
						+ ((script instanceof SqlMigrationScript) ? " (it has no '-- migrate:downgrade' section)"
								: " (its isReversible() is false)")
						+ "; downgrade to a target above it, or make it reversible");
				continue;
			}
			planned.add(toPlanned(step, script));
		}
		if (!problems.isEmpty()) {
			throw new ValidationFailedException("The downgrade to '" + target + "' was refused before anything ran: "
					+ String.join("; ", problems), problems);
		}
		return planned;
	}

	private PlannedStep toPlanned(Step step, MigrationScript script) {
		Revision revision = step.revision();
		boolean upgrade = step.direction() == Direction.UPGRADE;
		PlannedStep.Body body;
		if (script instanceof SqlMigrationScript sql) {
			SqlSyntax syntax = SqlSyntax.of(this.dialect.engine());
			if (syntax == null) {
				throw new MigrateException("Scripts cannot be split for the " + this.dialect.displayName()
						+ " dialect; use one of postgresql, mysql, mariadb, sqlite, sqlserver, h2");
			}
			List<StepStatement> statements = new ArrayList<>();
			boolean replace = sql.placeholders() && this.placeholders.enabled();
			for (SqlStatement statement : upgrade ? sql.upgrade(syntax) : sql.downgrade(syntax)) {
				String text = replace ? this.placeholders.replace(statement.sql(), script.location(), statement.line(),
						revision.id()) : statement.sql();
				statements.add(new StepStatement(text, statement.line(), statement.copyData()));
			}
			body = new PlannedStep.SqlBody(statements);
		}
		else {
			body = new PlannedStep.JavaBody(((JavaMigrationScript) script).migration());
		}
		return new PlannedStep(revision.id(), revision.message(), script.location(), step.direction(),
				List.copyOf(new TreeSet<>(step.rowsBefore())), List.copyOf(new TreeSet<>(step.rowsAfter())),
				script.transactional(), script.checksum(), body);
	}

	private MigrationScript script(String id) {
		return this.scripts.get(id)
			.orElseThrow(() -> new MigrateException("Revision '" + id + "' is in the graph but has no script"));
	}

	/**
	 * Compares what the history table says ran with the scripts as they are now.
	 * @param rows the version rows
	 * @param history the history rows, newest first
	 * @return the problems, each naming the revision, the file and the fix
	 */
	static List<String> validate(ScriptDirectory scripts, RevisionGraph graph, Collection<String> rows,
			List<HistoryRow> history) {
		List<String> problems = new ArrayList<>();
		for (String row : new TreeSet<>(rows)) {
			if ((graph == null || graph.get(row).isEmpty()) && scripts.get(row).isEmpty()) {
				HistoryRow ran = lastRun(history, row);
				problems.add("The version table holds '" + row + "'"
						+ ((ran != null && ran.script() != null) ? " (applied from " + ran.script() + " on "
								+ ran.startedAt() + ")" : "")
						+ ", but no script defines it any more; restore the script, or run 'migrate stamp <revision>"
						+ " --purge' to point the database at a revision that exists");
			}
		}
		Map<String, HistoryRow> lastUpgrade = new HashMap<>();
		Set<String> seen = new HashSet<>();
		for (HistoryRow row : history) {
			if (!row.success() || row.direction() == CommandKind.STAMP || !seen.add(row.revision())) {
				continue;
			}
			if (row.direction() == CommandKind.UPGRADE) {
				lastUpgrade.put(row.revision(), row);
			}
		}
		for (Map.Entry<String, HistoryRow> entry : new java.util.TreeMap<>(lastUpgrade).entrySet()) {
			String id = entry.getKey();
			HistoryRow ran = entry.getValue();
			MigrationScript script = scripts.get(id).orElse(null);
			if (script == null) {
				if (!rows.contains(id)) {
					problems.add("Revision '" + id + "' was applied from " + ran.script() + " on " + ran.startedAt()
							+ ", but that script is gone; restore it (a deleted script cannot be downgraded)");
				}
				continue;
			}
			if (ran.checksum() != null && script.checksum() != null && !ran.checksum().equals(script.checksum())) {
				problems.add("Revision '" + id + "' (" + script.location() + ") was applied with checksum "
						+ abbreviate(ran.checksum()) + " on " + ran.startedAt() + ", but the script's checksum is now "
						+ abbreviate(script.checksum()) + ": it was edited after it ran. Restore the file as it was "
						+ "applied and put the change in a new revision, or turn validateOnMigrate off");
			}
		}
		return problems;
	}

	private static HistoryRow lastRun(List<HistoryRow> history, String id) {
		for (HistoryRow row : history) {
			if (row.revision().equals(id) && row.succeededUpgrade()) {
				return row;
			}
		}
		return null;
	}

	private static String abbreviate(String checksum) {
		return (checksum.length() > 12) ? checksum.substring(0, 12) : checksum;
	}

}
