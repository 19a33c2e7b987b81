package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.report.RevisionFormat;

/**
 * {@code migrate:branches}: each branch point and the revisions it branches into; no database needed.
 */
@Mojo(name = "branches", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class BranchesMojo extends AbstractMigrateMojo {

	/** Show the full header of each branch point. */
	@Parameter(property = "migrate.verbose", defaultValue = "false")
	boolean verbose;

	@Override
	protected void run() {
		migrator(false);
		print(RevisionFormat.branchPoints(revisions(), this.verbose));
	}

}
