package dev.migrate.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrationHealth;
import dev.migrate.core.Migrator;
import dev.migrate.core.RepeatableInfo;
import dev.migrate.core.RepeatableState;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.fleet.TenantOutcome;
import dev.migrate.core.fleet.TenantState;
import dev.migrate.core.report.RevisionFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code migrate history}: revisions newest first, as Alembic lists them
 * ({@code 1975ea83b712 -> 3f2a9c1b7e40 (head), add account}), then the repeatable scripts
 * ({@code repeatable active_accounts (pending), the active accounts view}), or the graph as text, dot or Mermaid.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "List revisions newest first, or draw the revision graph.")
final class HistoryCommand extends MigratorCommand {

	/** How to draw the graph. */
	enum Format {

		/** Alembic's lines (or with --graph, git-style text). */
		text,

		/** Graphviz dot. */
		dot,

		/** A Mermaid flowchart. */
		mermaid

	}

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "Only revisions in [start]:[end], e.g. base:head, 1975:, :current.")
	String range;

	@Option(names = { "-v", "--verbose" }, description = "Show the full header of each revision.")
	boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's revisions (current).")
	boolean indicateCurrent;

	@Option(names = { "-g", "--graph" }, description = "Draw the graph as text, like git log --graph.")
	boolean graph;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "text (default), dot (Graphviz) or mermaid.")
	Format format;

	@Mixin
	TenantOptions tenants;

	@Override
	public Integer call() {
		if (this.tenants.isSet()) {
			return printFleet(fleet(this.tenants).run("history", HistoryCommand::lastHistoryRow));
		}
		if (this.range != null && !this.range.contains(":")) {
			throw new ParameterException(this.spec.commandLine(),
					"History range requires [start]:[end], [start]:, or :[end]; got '" + this.range + "'");
		}
		boolean needsDatabase = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		Set<String> current = new HashSet<>(needsDatabase ? migrator(true).current() : List.of());
		String effectiveRange = (this.range != null) ? withCurrent(this.range, current) : null;
		List<RevisionInfo> revisions = migrator(needsDatabase).history(effectiveRange);
		Set<String> marked = this.indicateCurrent ? current : Set.of();
		if (this.format == Format.dot) {
			print(DiagramRenderer.dot(revisions, marked));
		}
		else if (this.format == Format.mermaid) {
			print(DiagramRenderer.mermaid(revisions, marked));
		}
		else if (this.graph) {
			print(GraphRenderer.render(revisions, marked));
		}
		else {
			// Every revision is read only for the verbose headers' "Branches into".
			print(RevisionFormat.historyLines(revisions, this.verbose ? revisions() : Map.of(), marked, this.verbose));
			printRepeatables(needsDatabase);
		}
		return ExitCodes.OK;
	}

	// Repeatable scripts after the revisions (none in a range: they are not in the graph), with their state when the
	// database is read anyway.
	private void printRepeatables(boolean withState) {
		if (this.range != null) {
			return;
		}
		List<RepeatableInfo> repeatables = migrator(withState).repeatables();
		if (repeatables.isEmpty()) {
			return;
		}
		Map<String, RepeatableState> states = new HashMap<>();
		if (withState) {
			migrator(true).info()
				.repeatables()
				.forEach((status) -> states.put(status.repeatable().name(), status.state()));
		}
		StringBuilder lines = new StringBuilder();
		for (RepeatableInfo repeatable : repeatables) {
			lines.append(RevisionFormat.repeatableLine(repeatable, states.get(repeatable.name()))).append('\n');
			if (this.verbose) {
				lines.append("Path: ").append(repeatable.script()).append("\n\n");
			}
		}
		print(lines.toString().stripTrailing());
	}

	// A tenant's line: its latest history row, under its state as 'current' reads it (a tenant with a pending
	// revision or repeatable script is not called up to date, and what is pending follows the row). One read:
	// the health read holds the newest history row.
	private static TenantOutcome lastHistoryRow(Migrator migrator) {
		MigrationHealth health = migrator.health();
		TenantOutcome state = TenantOutcome.of(health);
		HistoryEntry row = health.lastRun();
		String last = (row == null) ? "no history"
				: "last " + row.direction().verb() + " " + row.revision() + (row.success() ? "" : " (failed)") + " at "
						+ row.startedAt() + " by " + row.installedBy();
		return new TenantOutcome(state.state(),
				(state.state() == TenantState.UP_TO_DATE) ? last : last + "; " + state.detail());
	}

	// Alembic's "current" in a range means the database's revision.
	private String withCurrent(String range, Set<String> current) {
		if (!range.contains("current")) {
			return range;
		}
		if (current.size() > 1) {
			throw new ParameterException(this.spec.commandLine(), "The database is at " + current.size()
					+ " revisions (" + String.join(", ", RevisionFormat.sorted(current))
					+ "); 'current' in a range needs exactly one; name the revision instead");
		}
		String replacement = current.isEmpty() ? "base" : current.iterator().next();
		return String.join(":", java.util.Arrays.stream(range.split(":", -1))
			.map((side) -> "current".equals(side) ? replacement : side)
			.toList());
	}

}
