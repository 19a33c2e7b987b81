package dev.migrate.autoconfigure.metrics;

import java.util.concurrent.TimeUnit;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics recorded by a real startup migration (H2).
 */
class MigrateMetricsIntegrationTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, () -> this.registry)
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void timesEachRevisionAndGaugesPending() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/app").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.registry.get("migrate.revision").timers()).hasSize(2);
			assertThat(this.registry.get("migrate.revision").tag("revision", "2b3c4d5e6f70").timer().count())
				.isEqualTo(1);
			assertThat(this.registry.get("migrate.revision").tag("revision", "1a2b3c4d5e6f").timer()
				.totalTime(TimeUnit.NANOSECONDS)).isGreaterThanOrEqualTo(0);
			context.getBean(MigratePendingMeterBinder.class).bindTo(this.registry);
			assertThat(this.registry.get("migrate.pending").tag("engine", "migrator").gauge().value()).isZero();
		});
	}

	@Test
	void gaugesPendingRevisionsWhenNotMigrated() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/app", "migrate.on-startup=none")
			.run((context) -> {
				context.getBean(MigratePendingMeterBinder.class).bindTo(this.registry);
				assertThat(this.registry.get("migrate.pending").tag("engine", "migrator").gauge().value())
					.isEqualTo(2);
			});
	}

	@Test
	void countsFailedRevisions() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/failing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(this.registry.get("migrate.failures").tag("revision", "3c4d5e6f7081").counter().count())
				.isEqualTo(1);
			assertThat(this.registry.get("migrate.revision").tag("revision", "1a2b3c4d5e6f").timer().count())
				.isEqualTo(1);
		});
	}

}
