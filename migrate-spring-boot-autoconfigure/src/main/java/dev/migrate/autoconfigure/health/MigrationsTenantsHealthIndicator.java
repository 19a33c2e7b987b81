package dev.migrate.autoconfigure.health;

import java.util.Map;

import dev.migrate.autoconfigure.MigrateFleet;
import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.TenantState;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link org.springframework.boot.health.contributor.HealthIndicator} for the tenants of a {@link MigrateFleet}:
 * {@code DOWN} when a tenant failed, with the count; the configured status (by default {@code OUT_OF_SERVICE})
 * when a tenant is pending (revisions or repeatable scripts to run, as {@link dev.migrate.core.MigrationHealth}
 * says for one database); else {@code UP}. Details count the tenants by state. It reports the latest run and
 * does not query every tenant on each call.
 */
public class MigrationsTenantsHealthIndicator extends AbstractHealthIndicator {

	private final MigrateFleet fleet;

	private final Status pendingStatus;

	/**
	 * @param fleet the tenants
	 * @param pendingStatus the status to report while a tenant has pending revisions or repeatable scripts
	 */
	public MigrationsTenantsHealthIndicator(MigrateFleet fleet, Status pendingStatus) {
		super("Tenant migrations health check failed");
		this.fleet = fleet;
		this.pendingStatus = pendingStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		FleetResult result = this.fleet.latest();
		Map<TenantState, Integer> counts = result.counts();
		builder.withDetail("tenants", result.tenants().size());
		counts.forEach((state, count) -> builder.withDetail(state.label(), count));
		if (counts.get(TenantState.FAILED) > 0) {
			builder.down().withDetail("failedTenants", counts.get(TenantState.FAILED));
		}
		else if (counts.get(TenantState.PENDING) > 0) {
			builder.status(this.pendingStatus);
		}
		else {
			builder.up();
		}
	}

}
