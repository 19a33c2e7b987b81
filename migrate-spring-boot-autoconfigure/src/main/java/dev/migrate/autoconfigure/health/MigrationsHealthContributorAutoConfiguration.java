package dev.migrate.autoconfigure.health;

import java.util.LinkedHashMap;
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
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code migrations} health indicator: one
 * {@link MigrationsHealthIndicator}, or a composite by bean name when there are several engines; with tenants
 * ({@code migrate.tenants.*}), a {@link MigrationsTenantsHealthIndicator} in the DataSource engine's place, alone or
 * as {@code tenants} beside the other engines.
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
		// With tenants, the DataSource's database is where they live or are listed, not what is migrated; the
		// tenants stand in for it, beside any other engine (migrate.instances.*).
		MigrateFleet fleet = beanFactory.getBeanProvider(MigrateFleet.class).getIfAvailable();
		Map<String, Migrator> migrators = new LinkedHashMap<>(beanFactory.getBeansOfType(Migrator.class));
		if (fleet != null) {
			migrators.values().removeIf(fleet::replaces);
			HealthIndicator tenants = new MigrationsTenantsHealthIndicator(fleet, pendingStatus);
			if (migrators.isEmpty()) {
				return tenants;
			}
			Map<String, HealthContributor> contributors = new LinkedHashMap<>();
			contributors.put("tenants", tenants);
			migrators.forEach((name, migrator) -> contributors.put(name,
					new MigrationsHealthIndicator(migrator, pendingStatus)));
			return CompositeHealthContributor.fromMap(contributors);
		}
		if (migrators.size() == 1) {
			return new MigrationsHealthIndicator(migrators.values().iterator().next(), pendingStatus);
		}
		return CompositeHealthContributor.fromMap(migrators,
				(migrator) -> new MigrationsHealthIndicator(migrator, pendingStatus));
	}

}
