package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.AutogenerateResult;
import dev.migrate.core.NewRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

	@Option(names = "--autogenerate",
			description = "Fill the revision with what turns the database into the --model schema, both ways.")
	boolean autogenerate;

	@Mixin
	ModelOptions model = new ModelOptions();

	@Option(names = "--rename", paramLabel = "OLD=NEW",
			description = "A rename to write instead of a drop and an add: table=new_table or table.column=new_column.")
	List<String> renames;

	@Override
	public Integer call() {
		Path directory = (this.versionPath != null) ? resolve(this.versionPath) : null;
		NewRevision request = new NewRevision(this.message, directory, List.of(this.head), this.splice,
				this.branchLabels, this.dependsOn, this.revisionId);
		if (this.autogenerate || this.model.present()) {
			return autogenerate(request);
		}
		printGenerated(migrator(false).revision(request));
		return ExitCodes.OK;
	}

	private Integer autogenerate(NewRevision request) {
		if (!this.autogenerate || !this.model.present()) {
			throw new ParameterException(this.spec.commandLine(),
					"--autogenerate needs --model FILE (the desired schema as DDL), and --model needs --autogenerate");
		}
		AutogenerateResult result = migrator(true).autogenerate(request,
				this.model.source(this::resolve, this.renames));
		if (!result.hasChanges()) {
			print(AutogenerateResult.NO_CHANGES);
			return ExitCodes.OK;
		}
		result.comparison().changes().forEach((change) -> {
			print("Detected " + change.description());
			change.warnings().forEach((warning) -> print("  REVIEW " + warning));
		});
		result.comparison().notGenerated().forEach((note) -> print("  REVIEW (not generated) " + note));
		printGenerated(result.file());
		return ExitCodes.OK;
	}

}
