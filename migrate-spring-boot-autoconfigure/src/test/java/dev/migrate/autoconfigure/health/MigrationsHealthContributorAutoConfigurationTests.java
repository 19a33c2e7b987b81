package dev.migrate.autoconfigure.health;

import java.util.UUID;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsHealthContributorAutoConfiguration}.
 */
class MigrationsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsHealthContributorAutoConfiguration.class));

	@Test
	void createsIndicatorForOneMigrator() {
		this.contextRunner.withBean(Migrator.class, MigrationsHealthContributorAutoConfigurationTests::migrator)
			.run((context) -> assertThat(context).hasSingleBean(MigrationsHealthIndicator.class)
				.hasBean("migrationsHealthContributor"));
	}

	@Test
	void createsCompositeByBeanNameForSeveralMigrators() {
		this.contextRunner.withBean("one", Migrator.class, MigrationsHealthContributorAutoConfigurationTests::migrator)
			.withBean("two", Migrator.class, MigrationsHealthContributorAutoConfigurationTests::migrator)
			.run((context) -> {
				CompositeHealthContributor composite = context.getBean("migrationsHealthContributor",
						CompositeHealthContributor.class);
				assertThat(composite.getContributor("one")).isInstanceOf(MigrationsHealthIndicator.class);
				assertThat(composite.getContributor("two")).isInstanceOf(MigrationsHealthIndicator.class);
			});
	}

	@Test
	void reportsTheConfiguredPendingStatus() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner
			.withBean(Migrator.class,
					() -> Migrator.create(MigrateConfig.builder().url(url).locations("classpath:db/app").build()))
			.withPropertyValues("management.health.migrations.pending-status=degraded")
			.run((context) -> {
				Health health = context.getBean(MigrationsHealthIndicator.class).health();
				assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
				assertThat(health.getDetails()).containsEntry("pending", 2);
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withBean(Migrator.class, MigrationsHealthContributorAutoConfigurationTests::migrator)
			.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void backsOffWithoutMigrator() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
	}

	private static Migrator migrator() {
		return Migrator.create(MigrateConfig.builder().build());
	}

}
