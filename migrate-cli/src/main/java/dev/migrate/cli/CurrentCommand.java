package dev.migrate.cli;

import java.util.List;

import dev.migrate.core.JdbcUrls;
import dev.migrate.core.report.RevisionFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate current}: the revisions the database is at, one per line ({@code 3f2a9c1b7e40 (head)});
 * nothing at base.
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
		List<String> rows = migrator(true).current();
		if (this.verbose) {
			print("Current revision(s) for " + JdbcUrls.mask(settings().requireUrl()) + ":");
		}
		print(RevisionFormat.currentLines(rows, revisions(), this.verbose));
		return ExitCodes.OK;
	}

}
