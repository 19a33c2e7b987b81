package dev.migrate.autoconfigure.metrics;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.core.Migrator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateMetricsAutoConfiguration}.
 */
class MigrateMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "migrate.on-startup=none");

	@Test
	void registersTheListenerWithEveryEngineWhenThereIsARegistry() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(MigrateMetricsListener.class);
			assertThat(context.getBean(Migrator.class).config().listeners())
				.containsExactly(context.getBean(MigrateMetricsListener.class));
		});
	}

	@Test
	void backsOffWithoutRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(MigrateMetricsListener.class);
			assertThat(context.getBean(Migrator.class).config().listeners()).isEmpty();
		});
	}

}
