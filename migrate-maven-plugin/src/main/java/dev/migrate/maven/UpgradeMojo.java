package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code migrate:upgrade}: applies revisions up to {@code migrate.target} (default {@code heads}), a line per
 * revision and a summary.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class UpgradeMojo extends AbstractMigrateMojo {

	/** The target: heads, head, +N, a revision or prefix, label@head. */
	@Parameter(property = "migrate.target", defaultValue = "heads")
	String target;

	@Override
	protected void run() {
		migrate((migrator) -> migrator.upgrade(this.target));
	}

}
