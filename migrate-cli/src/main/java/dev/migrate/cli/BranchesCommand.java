package dev.migrate.cli;

import dev.migrate.core.report.RevisionFormat;
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
		print(RevisionFormat.branchPoints(revisions(), this.verbose));
		return ExitCodes.OK;
	}

}
