package dev.migrate.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.JdbcUrls;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.RevisionFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate current}: the revisions the database is at, one per line ({@code 3f2a9c1b7e40 (head)}), and, as
 * Alembic lists them, the applied revisions that others only depend on ({@code (effective head)}); nothing at base.
 */
@Command(name = "current", mixinStandardHelpOptions = true, description = "Show the database's current revision(s).")
final class CurrentCommand extends MigratorCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show the full header of each revision.")
	boolean verbose;

	@Mixin
	TenantOptions tenants;

	@Override
	public Integer call() {
		if (this.tenants.isSet()) {
			return printFleet(fleet(this.tenants).status());
		}
		List<String> rows = withEffectiveHeads(migrator(true).current());
		if (this.verbose) {
			print("Current revision(s) for " + JdbcUrls.mask(settings().requireUrl()) + ":");
		}
		print(RevisionFormat.currentLines(rows, revisions(), this.verbose));
		return ExitCodes.OK;
	}

	// As Alembic's current: the rows, then each applied revision that others only depend on (no applied revision
	// revises it), which Alembic lists as an effective head.
	private List<String> withEffectiveHeads(List<String> rows) {
		Map<String, RevisionInfo> revisions = revisions();
		Set<String> applied = new HashSet<>();
		Deque<String> pending = new ArrayDeque<>(rows);
		while (!pending.isEmpty()) {
			RevisionInfo revision = revisions.get(pending.pop());
			if (revision != null && applied.add(revision.id())) {
				pending.addAll(revision.revises());
				pending.addAll(revision.dependsOn());
			}
		}
		Set<String> revised = new HashSet<>();
		applied.forEach((id) -> revised.addAll(revisions.get(id).revises()));
		List<String> result = new ArrayList<>(rows);
		new TreeSet<>(applied).stream()
			.filter((id) -> !revised.contains(id) && !rows.contains(id))
			.forEach(result::add);
		return result;
	}

}
