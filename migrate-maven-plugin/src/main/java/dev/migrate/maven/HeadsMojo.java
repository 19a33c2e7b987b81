package dev.migrate.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.RevisionFormat;

/**
 * {@code migrate:heads}: the graph's heads, one per line ({@code 3f2a9c1b7e40 (billing) (head)}); no database needed.
 */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class HeadsMojo extends AbstractMigrateMojo {

	/** Show the full header of each head. */
	@Parameter(property = "migrate.verbose", defaultValue = "false")
	boolean verbose;

	@Override
	protected void run() {
		for (RevisionInfo head : migrator(false).heads()) {
			print(this.verbose ? RevisionFormat.logEntry(head, List.of(), false) : List.of(RevisionFormat.headLine(head)));
		}
	}

}
