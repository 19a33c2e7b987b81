package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Parameter;

import dev.migrate.core.MigrateConfig;

/**
 * A goal that runs revisions, online or as an offline script ({@code upgrade}, {@code downgrade}, {@code sql}): how
 * they are grouped into transactions.
 */
public abstract class AbstractRevisionsMojo extends AbstractMigrateMojo {

	/**
	 * Whether each revision runs in its own transaction; {@code false} runs the whole plan in one where the engine's
	 * DDL is transactional, as Alembic's generated env.py and Flyway's {@code group} do: a failure then rolls back
	 * every revision of the run (MySQL and MariaDB commit each DDL statement, so there it stays one per revision).
	 */
	@Parameter(property = "migrate.transactionPerMigration", defaultValue = "true")
	boolean transactionPerMigration = true;

	@Override
	protected void configure(MigrateConfig.Builder builder) {
		builder.transactionPerMigration(this.transactionPerMigration);
	}

}
