package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.NewRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate revision -m MSG}: writes a new revision script from the template and prints its path.
 */
@Command(name = "revision", mixinStandardHelpOptions = true, description = "Create a new revision script.")
final class RevisionCommand extends MigratorCommand {

	@Option(names = { "-m", "--message" }, required = true, paramLabel = "MESSAGE",
			description = "What the revision does, one line.")
	String message;

	@Option(names = "--head", paramLabel = "REV", defaultValue = "head",
			description = "The revision to revise: head (default), a revision, or label@head. With --splice, "
					+ "any revision (starts a new branch).")
	String head;

	@Option(names = "--splice", description = "Allow --head to name a revision that is not a head.")
	boolean splice;

	@Option(names = "--branch-label", paramLabel = "LABEL", split = ",",
			description = "Branch label(s) for the new revision.")
	List<String> branchLabels;

	@Option(names = "--depends-on", paramLabel = "REV", split = ",",
			description = "Revision(s) the new one depends on without revising them.")
	List<String> dependsOn;

	@Option(names = "--rev-id", paramLabel = "ID", description = "The revision id to use instead of a random one.")
	String revisionId;

	@Option(names = "--version-path", paramLabel = "DIR",
			description = "Where to write the file (default: the first filesystem: location).")
	Path versionPath;

	@Override
	public Integer call() {
		Path directory = (this.versionPath != null)
				? this.root.environment().workingDirectory().resolve(this.versionPath).normalize() : null;
		Path file = migrator(false).revision(new NewRevision(this.message, directory, List.of(this.head), this.splice,
				this.branchLabels, this.dependsOn, this.revisionId));
		print("Generating " + file.toAbsolutePath() + " ...  done");
		return ExitCodes.OK;
	}

}
