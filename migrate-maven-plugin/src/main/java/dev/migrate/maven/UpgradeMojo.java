package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.MigrateConfig;

/**
 * {@code migrate:upgrade}: applies revisions up to {@code migrate.target} (default {@code heads}), a line per
 * revision and a summary; with {@code migrate.baselineOnMigrate}, first adopts a database that has tables but no
 * version table.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class UpgradeMojo extends AbstractRevisionsMojo {

	/** The target: heads, head, +N, a revision or prefix, label@head. */
	@Parameter(property = "migrate.target", defaultValue = "heads")
	String target;

	/**
	 * Adopt a database that holds tables but no version table: stamp it at {@code baselineRevision}, then upgrade
	 * from there.
	 */
	@Parameter(property = "migrate.baselineOnMigrate", defaultValue = "false")
	boolean baselineOnMigrate;

	/** The revision a database without a version table is stamped at when {@code baselineOnMigrate} is on. */
	@Parameter(property = "migrate.baselineRevision")
	String baselineRevision;

	@Override
	protected void configure(MigrateConfig.Builder builder) {
		super.configure(builder);
		builder.baselineOnMigrate(this.baselineOnMigrate);
		if (this.baselineRevision != null && !this.baselineRevision.isBlank()) {
			builder.baselineRevision(this.baselineRevision.trim());
		}
	}

	@Override
	protected void run() {
		migrate((migrator) -> migrator.upgrade(this.target));
	}

}
