package dev.migrate.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.JdbcUrls;
import dev.migrate.core.report.RevisionFormat;

/**
 * {@code migrate:current}: the revisions the database is at, one per line ({@code 3f2a9c1b7e40 (head)}); nothing at
 * base.
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class CurrentMojo extends AbstractMigrateMojo {

	/** Show the full header of each revision. */
	@Parameter(property = "migrate.verbose", defaultValue = "false")
	boolean verbose;

	@Override
	protected void run() {
		List<String> rows = migrator(true).current();
		if (this.verbose) {
			print("Current revision(s) for " + JdbcUrls.mask(configuration().requireUrl()) + ":");
		}
		print(RevisionFormat.currentLines(rows, revisions(), this.verbose));
	}

}
