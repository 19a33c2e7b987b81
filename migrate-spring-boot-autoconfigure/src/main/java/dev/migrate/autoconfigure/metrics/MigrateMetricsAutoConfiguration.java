package dev.migrate.autoconfigure.metrics;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateFleet;
import dev.migrate.core.Migrator;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migrate metrics when a {@link MeterRegistry} bean
 * exists: the {@link MigrateMetricsListener}, which every auto-configured engine calls, and the pending gauge.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ Migrator.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
public final class MigrateMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrateMetricsListener migrateMetricsListener(MeterRegistry registry) {
		return new MigrateMetricsListener(registry);
	}

	@Bean
	@ConditionalOnBean(MigrateFleet.class)
	MigrateTenantsMeterBinder migrateTenantsMeterBinder(MigrateFleet fleet) {
		return new MigrateTenantsMeterBinder(fleet);
	}

	@Bean
	MigratePendingMeterBinder migratePendingMeterBinder(ListableBeanFactory beanFactory) {
		return new MigratePendingMeterBinder(beanFactory);
	}

}
