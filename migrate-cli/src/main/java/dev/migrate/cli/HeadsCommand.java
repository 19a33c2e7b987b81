package dev.migrate.cli;

import java.util.List;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.RevisionFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate heads}: the graph's heads, one per line ({@code 3f2a9c1b7e40 (billing) (head)}).
 */
@Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the heads of the revision graph.")
final class HeadsCommand extends MigratorCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show the full header of each head.")
	boolean verbose;

	@Override
	public Integer call() {
		for (RevisionInfo head : migrator(false).heads()) {
			print(this.verbose ? RevisionFormat.logEntry(head, List.of(), false) : List.of(RevisionFormat.headLine(head)));
		}
		return ExitCodes.OK;
	}

}
