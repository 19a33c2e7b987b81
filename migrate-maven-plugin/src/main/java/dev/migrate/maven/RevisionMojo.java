package dev.migrate.maven;

import java.io.IOException;
import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.NewRevision;

/**
 * {@code migrate:revision}: writes a new revision script into the first filesystem location (by default the
 * project's {@code src/main/resources/db/migrations}, created if missing) and prints its path.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RevisionMojo extends AbstractMigrateMojo {

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

	@Override
	protected void run() throws IOException {
		NewRevision request = new NewRevision(require("migrate.message", this.message, "what the revision does"),
				versionDirectory(), List.of(this.head), this.splice, this.branchLabels, this.dependsOn, this.revId);
		printGenerated(migrator(false).revision(request));
	}

}
