package dev.migrate.autoconfigure.health;

import java.util.List;

import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrationInfo;
import dev.migrate.core.Migrator;
import dev.migrate.core.RevisionState;
import dev.migrate.core.RevisionStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for one {@link Migrator}: {@code DOWN} when the latest history row is a failed step,
 * the configured status (by default {@code OUT_OF_SERVICE}) when revisions are pending, else {@code UP}.
 * Details give the current revisions, the heads and the pending count. Revisions applied by a newer
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
		MigrationInfo info = this.migrator.info();
		builder.withDetail("current", info.current())
			.withDetail("heads", info.heads())
			.withDetail("pending", info.pending().size());
		List<String> orphaned = info.revisions()
			.stream()
			.filter((status) -> status.state() == RevisionState.ORPHANED)
			.map(RevisionStatus::revision)
			.map((revision) -> revision.id())
			.toList();
		if (!orphaned.isEmpty()) {
			builder.withDetail("orphaned", orphaned);
		}
		HistoryEntry last = info.recentHistory().isEmpty() ? null : info.recentHistory().get(0);
		if (last != null && !last.success()) {
			builder.down()
				.withDetail("failedRevision", last.revision())
				.withDetail("failedAt", String.valueOf(last.startedAt()))
				.withDetail("error", String.valueOf(last.error()));
		}
		else if (!info.pending().isEmpty()) {
			builder.status(this.pendingStatus);
		}
		else {
			builder.up();
		}
	}

}
