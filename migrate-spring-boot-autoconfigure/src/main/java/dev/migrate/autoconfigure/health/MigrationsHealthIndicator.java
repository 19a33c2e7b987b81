package dev.migrate.autoconfigure.health;

import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrationHealth;
import dev.migrate.core.Migrator;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for one {@link Migrator}: {@code DOWN} when the latest history row is a failed step,
 * the configured status (by default {@code OUT_OF_SERVICE}) when revisions or repeatable scripts are pending,
 * else {@code UP}. Details give the current revisions, the heads, the pending count and the pending repeatable
 * scripts. Revisions applied by a newer
 * application version (orphaned here) are listed but do not change the status, so rolling deployments stay
 * healthy.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrator migrator;

	private final Status pendingStatus;

	/**
	 * @param migrator the engine
	 * @param pendingStatus the status to report while revisions are pending
	 */
	public MigrationsHealthIndicator(Migrator migrator, Status pendingStatus) {
		super("Migrations health check failed");
		this.migrator = migrator;
		this.pendingStatus = pendingStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		// Not info(): that builds every revision's status and reads the whole history, so a health check would
		// cost in proportion to the project's age; this reads the version rows and the newest history row.
		MigrationHealth health = this.migrator.health();
		builder.withDetail("current", health.current())
			.withDetail("heads", health.heads())
			.withDetail("pending", health.pending());
		if (!health.pendingRepeatables().isEmpty()) {
			builder.withDetail("pendingRepeatables", health.pendingRepeatables());
		}
		if (!health.orphaned().isEmpty()) {
			builder.withDetail("orphaned", health.orphaned());
		}
		HistoryEntry last = health.lastRun();
		if (health.lastRunFailed()) {
			builder.down()
				.withDetail("failedRevision", last.revision())
				.withDetail("failedAt", String.valueOf(last.startedAt()))
				.withDetail("error", String.valueOf(last.error()));
		}
		else if (health.upgradePending()) {
			builder.status(this.pendingStatus);
		}
		else {
			builder.up();
		}
	}

}
