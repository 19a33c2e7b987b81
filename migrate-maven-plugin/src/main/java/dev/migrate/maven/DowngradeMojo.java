package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code migrate:downgrade}: reverts revisions down to {@code migrate.target} ({@code -1}, {@code base}, a revision,
 * label@-1), a line per revision and a summary.
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class DowngradeMojo extends AbstractRevisionsMojo {

	/** The target: -1, base, a revision or prefix, label@-1. Required: a downgrade never guesses. */
	@Parameter(property = "migrate.target")
	String target;

	@Override
	protected void run() {
		migrate((migrator) -> migrator.downgrade(require("migrate.target", this.target, "-1, base or a revision")));
	}

}
