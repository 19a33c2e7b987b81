package dev.migrate.cli;

import java.util.List;

import dev.migrate.core.NewRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate merge -m MSG REV...}: writes a revision that merges two or more revisions (usually
 * {@code heads}) and prints its path.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
		description = "Create a merge revision that revises two or more revisions.")
final class MergeCommand extends MigratorCommand {

	@Option(names = { "-m", "--message" }, required = true, paramLabel = "MESSAGE",
			description = "What the merge is for, one line.")
	String message;

	@Parameters(arity = "1..*", paramLabel = "REV", description = "The revisions to merge, or 'heads' for every head.")
	List<String> revisions;

	@Option(names = "--branch-label", paramLabel = "LABEL", split = ",",
			description = "Branch label(s) for the merge revision.")
	List<String> branchLabels;

	@Option(names = "--rev-id", paramLabel = "ID", description = "The revision id to use instead of a random one.")
	String revisionId;

	@Override
	public Integer call() {
		var file = migrator(false).merge(new NewRevision(this.message, null, this.revisions, false, this.branchLabels,
				List.of(), this.revisionId));
		printGenerated(file);
		return ExitCodes.OK;
	}

}
