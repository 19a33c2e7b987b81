package dev.migrate.maven;

import java.io.IOException;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.AutogenerateResult;
import dev.migrate.core.NewRevision;
import dev.migrate.core.RevisionInfo;

/**
 * {@code migrate:revision}: writes a new revision script into the first filesystem location (by default the
 * project's {@code src/main/resources/db/migrations}, created if missing) and prints its path. With
 * {@code -Dmigrate.autogenerate} the script holds what turns the database (at its heads; nothing is upgraded) into
 * the project's JPA entities, read from its compiled classes (the goal compiles nothing: run it after
 * {@code compile}), or into another {@code migrate.model}.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RevisionMojo extends AbstractModelMojo {

	/** What the revision does, one line. */
	@Parameter(property = "migrate.message")
	String message;

	/** The revision to revise: head, a revision, or label@head; with splice, any revision (starts a branch). */
	@Parameter(property = "migrate.head", defaultValue = "head")
	String head;

	/** Allow head to name a revision that is not a head. */
	@Parameter(property = "migrate.splice", defaultValue = "false")
	boolean splice;

	/** Branch label(s) for the new revision, comma separated. */
	@Parameter(property = "migrate.branchLabel")
	List<String> branchLabels;

	/** Revision(s) the new one depends on without revising them, comma separated. */
	@Parameter(property = "migrate.dependsOn")
	List<String> dependsOn;

	/** The revision id to use instead of a random one. */
	@Parameter(property = "migrate.revId")
	String revId;

	/**
	 * Fill the revision with what turns the database into the model ({@code migrate.model}, by default the
	 * project's JPA entities), both ways. {@code -Dmigrate.autogenerate} alone turns it on.
	 */
	@Parameter(property = "migrate.autogenerate", defaultValue = "false")
	boolean autogenerate;

	/** Renames to write instead of a drop and an add, comma separated: table=new_table or table.column=new_column. */
	@Parameter(property = "migrate.rename")
	List<String> renames;

	@Override
	protected void run() throws IOException, MojoFailureException {
		NewRevision request = new NewRevision(require("migrate.message", this.message, "what the revision does"),
				versionDirectory(), List.of(this.head), this.splice, this.branchLabels, this.dependsOn, this.revId);
		if (!this.autogenerate) {
			printGenerated(migrator(false).revision(request));
			return;
		}
		ModelParameters parameters = modelParameters();
		List<RevisionInfo> pending = migrator(true).pending("heads");
		if (!pending.isEmpty()) {
			throw failure(List.of("The database is not at its heads: " + pending.size() + " revision(s) pending ("
					+ String.join(", ", pending.stream().map(RevisionInfo::id).toList()) + "); run 'mvn migrate:upgrade'"
					+ " first (or point migrate.url at a database that is), so the new revision only holds new changes"));
		}
		AutogenerateResult result = migrator(true).autogenerate(request, modelSource(parameters, this.renames));
		if (!result.hasChanges()) {
			print(AutogenerateResult.NO_CHANGES + " (the database matches the model " + parameters.name()
					+ "); no revision written");
			return;
		}
		result.comparison().changes().forEach((change) -> {
			print("Detected " + change.description());
			change.warnings().forEach((warning) -> print("  REVIEW " + warning));
		});
		result.comparison().notGenerated().forEach((note) -> print("  REVIEW (not generated) " + note));
		printGenerated(result.file());
	}

}
