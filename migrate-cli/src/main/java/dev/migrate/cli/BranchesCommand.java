package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.core.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate branches}: each branch point and the revisions it branches into, as Alembic shows them.
 */
@Command(name = "branches", mixinStandardHelpOptions = true, description = "Show the branch points.")
final class BranchesCommand extends MigratorCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show the full header of each branch point.")
	boolean verbose;

	@Override
	public Integer call() {
		migrator(false);
		Map<String, RevisionInfo> revisions = revisions();
		Map<String, List<String>> children = RevisionFormat.children(revisions.values());
		for (RevisionInfo revision : revisions.values()) {
			if (!revision.branchPoint()) {
				continue;
			}
			List<String> lines = new ArrayList<>();
			List<String> next = children.getOrDefault(revision.id(), List.of());
			if (this.verbose) {
				List<String> entry = RevisionFormat.logEntry(revision, next, false);
				lines.addAll(entry.subList(0, entry.size() - 1));
			}
			else {
				lines.add(RevisionFormat.line(revision, true, false, false, true, false));
			}
			String indent = " ".repeat(revision.id().length());
			for (String child : next) {
				lines.add(indent + " -> " + RevisionFormat.line(revisions.get(child), true, this.verbose, false, true,
						false));
			}
			lines.add("");
			print(lines);
		}
		return ExitCodes.OK;
	}

}
