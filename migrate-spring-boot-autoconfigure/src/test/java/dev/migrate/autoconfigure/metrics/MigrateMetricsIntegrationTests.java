package dev.migrate.autoconfigure.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.core.Migrator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics recorded by a real startup migration, and the pending gauges read from the database (H2).
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
			assertThat(gauge("migrate.pending")).isZero();
		});
	}

	@Test
	void gaugesPendingRevisionsWhenNotMigrated() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/app", "migrate.on-startup=none")
			.run((context) -> {
				context.getBean(MigratePendingMeterBinder.class).bindTo(this.registry);
				assertThat(gauge("migrate.pending")).isEqualTo(2);
				assertThat(gauge("migrate.pending.repeatables")).isZero();
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

	@Test
	void gaugesAChangedRepeatableScriptApartFromTheRevisionsAsTheHealthIndicatorCountsIt(@TempDir Path directory)
			throws IOException {
		Path scripts = Files.createDirectories(directory.resolve("scripts"));
		Files.copy(new ClassPathResource("db/app/1a2b3c4d5e6f_create_item.sql").getInputStream(),
				scripts.resolve("1a2b3c4d5e6f_create_item.sql"));
		Path view = scripts.resolve("R_item_names.sql");
		Files.writeString(view, itemNames("name"));
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(
				"spring.datasource.url=jdbc:h2:file:" + directory.resolve("db"),
				"migrate.locations=filesystem:" + scripts);
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(MigratePendingMeterBinder.class).bindTo(this.registry);
			assertThat(gauge("migrate.pending")).isZero();
			assertThat(gauge("migrate.pending.repeatables")).isZero();
		});
		Files.writeString(view, itemNames("id, name"));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		runner.withPropertyValues("migrate.on-startup=none").run((context) -> {
			context.getBean(MigratePendingMeterBinder.class).bindTo(registry);
			// As the health indicator says: no revision pending, one repeatable script.
			assertThat(registry.get("migrate.pending").tag("engine", "migrator").gauge().value()).isZero();
			Gauge repeatables = registry.get("migrate.pending.repeatables").tag("engine", "migrator").gauge();
			assertThat(repeatables.value()).isOne();
			assertThat(repeatables.getId().getDescription())
				.isEqualTo("Number of repeatable scripts an upgrade to heads would run (new or changed)");
			assertThat(context.getBean(Migrator.class).upgrade("heads").repeatables()).containsExactly("item_names");
			assertThat(repeatables.value()).isZero();
		});
	}

	private double gauge(String name) {
		return this.registry.get(name).tag("engine", "migrator").gauge().value();
	}

	private static String itemNames(String columns) {
		return "-- Repeatable: item_names\n\n-- migrate:upgrade\nDROP VIEW IF EXISTS item_names;\n"
				+ "CREATE VIEW item_names AS SELECT " + columns + " FROM item;\n";
	}

}
