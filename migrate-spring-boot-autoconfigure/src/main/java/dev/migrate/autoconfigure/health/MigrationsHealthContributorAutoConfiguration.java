package dev.migrate.autoconfigure.health;

import java.util.Locale;
import java.util.Map;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateFleet;
import dev.migrate.core.Migrator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code migrations} health indicator: one
 * {@link MigrationsHealthIndicator}, or a composite by bean name when there are several engines; with tenants
 * ({@code migrate.tenants.*}), a {@link MigrationsTenantsHealthIndicator}.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@EnableConfigurationProperties(MigrationsHealthIndicatorProperties.class)
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthContributor migrationsHealthContributor(ListableBeanFactory beanFactory,
			MigrationsHealthIndicatorProperties properties) {
		Status pendingStatus = new Status(properties.getPendingStatus().toUpperCase(Locale.ROOT));
		// With tenants, the DataSource's database is where they live or are listed, not what is migrated.
		MigrateFleet fleet = beanFactory.getBeanProvider(MigrateFleet.class).getIfAvailable();
		if (fleet != null) {
			return new MigrationsTenantsHealthIndicator(fleet, pendingStatus);
		}
		Map<String, Migrator> migrators = beanFactory.getBeansOfType(Migrator.class);
		if (migrators.size() == 1) {
			return new MigrationsHealthIndicator(migrators.values().iterator().next(), pendingStatus);
		}
		return CompositeHealthContributor.fromMap(migrators,
				(migrator) -> new MigrationsHealthIndicator(migrator, pendingStatus));
	}

}
