package dev.migrate.autoconfigure.actuate;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsEndpointAutoConfiguration}.
 */
class MigrationsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsEndpointAutoConfiguration.class))
		.withBean(Migrator.class, () -> Migrator.create(MigrateConfig.builder().build()));

	@Test
	void hasEndpointWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void hasNoEndpointWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void hasNoEndpointWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void hasNoEndpointWithoutMigrator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

}
