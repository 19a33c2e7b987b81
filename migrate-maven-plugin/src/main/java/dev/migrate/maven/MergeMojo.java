package dev.migrate.maven;

import java.io.IOException;
import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.NewRevision;

/**
 * {@code migrate:merge}: writes a revision that merges two or more revisions (by default every head) and prints its
 * path.
 */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class MergeMojo extends AbstractMigrateMojo {

	/** What the merge is for, one line. */
	@Parameter(property = "migrate.message")
	String message;

	/** The revisions to merge, comma separated, or heads for every head. */
	@Parameter(property = "migrate.revisions", defaultValue = "heads")
	List<String> revisions;

	/** Branch label(s) for the merge revision, comma separated. */
	@Parameter(property = "migrate.branchLabel")
	List<String> branchLabels;

	/** The revision id to use instead of a random one. */
	@Parameter(property = "migrate.revId")
	String revId;

	@Override
	protected void run() throws IOException {
		NewRevision request = new NewRevision(require("migrate.message", this.message, "what the merge is for"),
				versionDirectory(), this.revisions, false, this.branchLabels, List.of(), this.revId);
		printGenerated(migrator(false).merge(request));
	}

}
