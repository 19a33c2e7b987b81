package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.MigrationResult;
import dev.migrate.core.report.Summary;

/**
 * {@code migrate:stamp}: sets the version table to {@code migrate.target} without running any script.
 */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class StampMojo extends AbstractMigrateMojo {

	/** The revision to record: heads, a revision, base. */
	@Parameter(property = "migrate.target")
	String target;

	/** Empty the version table first (when it holds ids no script has). */
	@Parameter(property = "migrate.purge", defaultValue = "false")
	boolean purge;

	@Override
	protected void run() {
		MigrationResult result = migrator(true)
			.stamp(require("migrate.target", this.target, "heads, base or a revision"), this.purge);
		print(Summary.of(result, revisions()));
	}

}
