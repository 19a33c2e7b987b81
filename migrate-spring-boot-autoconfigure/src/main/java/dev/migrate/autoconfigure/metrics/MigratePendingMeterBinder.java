package dev.migrate.autoconfigure.metrics;

import java.util.function.ToDoubleFunction;

import dev.migrate.autoconfigure.MigrateFleet;
import dev.migrate.core.MigrationHealth;
import dev.migrate.core.Migrator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Binds two gauges per {@link Migrator} bean (tag {@code engine}, the bean name), read from the database when
 * sampled ({@code NaN} when it cannot be read), as the health indicator counts them: {@code migrate.pending}, the
 * number of revisions an upgrade to heads would run, and {@code migrate.pending.repeatables}, the number of
 * repeatable scripts it would run (new or changed since they last ran). With tenants, none for the DataSource's
 * migrator: {@code migrate.tenants} counts them instead.
 */
final class MigratePendingMeterBinder implements MeterBinder {

	static final String PENDING_GAUGE = "migrate.pending";

	// A gauge of its own rather than repeatables added into migrate.pending, or a tag on it: dashboards and alerts
	// on migrate.pending keep counting revisions, and a tag would split one series into two, which a query
	// summing migrate.pending would add up. The name extends the revisions' one, as the pool gauges Spring Boot
	// binds name one count beside another (hikaricp.connections, hikaricp.connections.pending).
	static final String PENDING_REPEATABLES_GAUGE = "migrate.pending.repeatables";

	private final ListableBeanFactory beanFactory;

	MigratePendingMeterBinder(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MigrateFleet fleet = this.beanFactory.getBeanProvider(MigrateFleet.class).getIfAvailable();
		this.beanFactory.getBeansOfType(Migrator.class).forEach((name, migrator) -> {
			if (fleet == null || !fleet.replaces(migrator)) {
				register(registry, PENDING_GAUGE, "Number of revisions an upgrade to heads would apply", name,
						migrator, MigrationHealth::pending);
				register(registry, PENDING_REPEATABLES_GAUGE,
						"Number of repeatable scripts an upgrade to heads would run (new or changed)", name, migrator,
						(health) -> health.pendingRepeatables().size());
			}
		});
	}

	private static void register(MeterRegistry registry, String gauge, String description, String name,
			Migrator migrator, ToDoubleFunction<MigrationHealth> count) {
		Gauge.builder(gauge, migrator, (sampled) -> pending(sampled, count))
			.description(description)
			.tag("engine", name)
			.strongReference(true)
			.register(registry);
	}

	private static double pending(Migrator migrator, ToDoubleFunction<MigrationHealth> count) {
		try {
			// The health read: its cost does not grow with the revisions, as a scrape's should not. Each gauge
			// reads it, so that a sample is never older than its scrape.
			return count.applyAsDouble(migrator.health());
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
