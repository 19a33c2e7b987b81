package dev.migrate.autoconfigure.metrics;

import dev.migrate.autoconfigure.MigrateFleet;
import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.TenantState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds a {@code migrate.tenants} gauge per outcome (tag {@code outcome}: {@code succeeded}, {@code up to date},
 * {@code pending}, {@code failed}, {@code skipped}): how many tenants ended so in the latest fleet run. No tag
 * names a tenant: their number is unbounded.
 */
final class MigrateTenantsMeterBinder implements MeterBinder {

	static final String TENANTS_GAUGE = "migrate.tenants";

	private final MigrateFleet fleet;

	MigrateTenantsMeterBinder(MigrateFleet fleet) {
		this.fleet = fleet;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TenantState state : TenantState.values()) {
			Gauge.builder(TENANTS_GAUGE, this.fleet, (fleet) -> count(fleet, state))
				.description("Number of tenants by the outcome of the latest run")
				.tag("outcome", state.label())
				.strongReference(true)
				.register(registry);
		}
	}

	private static double count(MigrateFleet fleet, TenantState state) {
		FleetResult result = fleet.latestIfAny();
		return (result != null) ? result.counts().get(state) : Double.NaN;
	}

}
