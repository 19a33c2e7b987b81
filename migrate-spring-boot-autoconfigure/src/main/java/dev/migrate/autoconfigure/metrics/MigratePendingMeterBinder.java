package dev.migrate.autoconfigure.metrics;

import dev.migrate.autoconfigure.MigrateFleet;
import dev.migrate.core.Migrator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Binds a {@code migrate.pending} gauge per {@link Migrator} bean (tag {@code engine}, the bean name): the
 * number of revisions an upgrade to heads would run, read from the database when sampled ({@code NaN} when
 * it cannot be read). With tenants, none for the DataSource's migrator: {@code migrate.tenants} counts them instead.
 */
final class MigratePendingMeterBinder implements MeterBinder {

	static final String PENDING_GAUGE = "migrate.pending";

	private final ListableBeanFactory beanFactory;

	MigratePendingMeterBinder(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MigrateFleet fleet = this.beanFactory.getBeanProvider(MigrateFleet.class).getIfAvailable();
		this.beanFactory.getBeansOfType(Migrator.class).forEach((name, migrator) -> {
			if (fleet == null || !fleet.replaces(migrator)) {
				Gauge.builder(PENDING_GAUGE, migrator, MigratePendingMeterBinder::pending)
					.description("Number of revisions an upgrade to heads would apply")
					.tag("engine", name)
					.strongReference(true)
					.register(registry);
			}
		});
	}

	private static double pending(Migrator migrator) {
		try {
			// The health read: its cost does not grow with the revisions, as a scrape's should not.
			return migrator.health().pending();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
