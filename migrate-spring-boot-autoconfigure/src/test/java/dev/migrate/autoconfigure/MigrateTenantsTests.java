package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrate.autoconfigure.actuate.MigrationsEndpoint;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.TenantDetailDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpointAutoConfiguration;
import dev.migrate.autoconfigure.actuate.TenantsDescriptor;
import dev.migrate.autoconfigure.health.MigrationsHealthContributorAutoConfiguration;
import dev.migrate.autoconfigure.health.MigrationsTenantsHealthIndicator;
import dev.migrate.autoconfigure.metrics.MigrateMetricsAutoConfiguration;
import dev.migrate.core.Migrator;
import dev.migrate.core.fleet.TenantResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate.tenants.*} and {@link MigrateTenants} on a real (H2) database, a schema per tenant: startup
 * migrates every tenant; the endpoint, the health indicator and the metrics report them.
 */
class MigrateTenantsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class,
				MigrateMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.datasource.generate-unique-name=true", "migrate.locations=classpath:db/app",
				"management.endpoints.web.exposure.include=migrations");

	@Test
	void startupMigratesEveryNamedTenantInItsOwnSchema() {
		this.contextRunner.withPropertyValues("migrate.tenants.names=acme,globex,initech").run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			for (String tenant : List.of("acme", "globex", "initech")) {
				assertThat(jdbc.queryForList("SELECT \"version_num\" FROM \"" + tenant + "\".\"migrate_version\"",
						String.class))
					.containsExactly("2b3c4d5e6f70");
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"" + tenant + "\".ITEM", Integer.class)).isZero();
			}
			// The main schema got nothing: the tenants were migrated instead of it.
			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", Integer.class))
				.isZero();
			TenantsDescriptor tenants = context.getBean(MigrationsEndpoint.class).migrations(null, null, null).getTenants();
			assertThat(tenants.getTotal()).isEqualTo(3);
			assertThat(tenants.getCounts()).containsEntry("succeeded", 3).containsEntry("failed", 0);
			assertThat(tenants.getFailedOrPending()).isEmpty();
			Health health = health(context.getBean("migrationsHealthContributor", HealthContributor.class));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(meters(context).get("migrate.tenants").tag("outcome", "succeeded").gauge().value()).isEqualTo(3);
		});
	}

	@Test
	void aFailedTenantLeavesTheOthersMigratedAndIsReportedByNameCountAndHealth() {
		this.contextRunner.withPropertyValues("migrate.tenants.names=acme,globex,initech")
			.withUserConfiguration(BrokenGlobex.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				TenantsDescriptor tenants = endpoint.migrations(0, 10, null).getTenants();
				assertThat(tenants.getCounts()).containsEntry("succeeded", 2).containsEntry("failed", 1);
				assertThat(tenants.getFailedOrPending()).singleElement().satisfies((tenant) -> {
					assertThat(tenant.getName()).isEqualTo("globex");
					assertThat(tenant.getState()).isEqualTo("failed");
					assertThat(tenant.getError()).contains("1a2b3c4d5e6f");
				});
				assertThat(tenants.getPages()).isOne();
				assertThat(endpoint.migrations(1, 10, null).getTenants().getFailedOrPending()).isEmpty();

				TenantDetailDescriptor globex = endpoint.tenant("tenants", "globex", null, null, null);
				assertThat(globex.getTenant().getState()).isEqualTo("failed");
				assertThat(globex.getDatabase().getPending()).containsExactly("1a2b3c4d5e6f", "2b3c4d5e6f70");
				assertThat(endpoint.tenant("tenants", "acme", null, null, null).getDatabase().getCurrent()).containsExactly("2b3c4d5e6f70");
				assertThat(endpoint.tenant("tenants", "acme", null, null, 1).getDatabase().getRecentHistory())
					.extracting((row) -> row.getRevision())
					.containsExactly("2b3c4d5e6f70");
				assertThat(endpoint.tenant("tenants", "umbrella", null, null, null)).isNull();
				assertThat(endpoint.tenant("other", "acme", null, null, null)).isNull();

				Health health = health(context.getBean("migrationsHealthContributor", HealthContributor.class));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("failedTenants", 1);
				assertThat(meters(context).get("migrate.tenants").tag("outcome", "failed").gauge().value()).isOne();
				assertThat(context.getBean(MeterRegistry.class).get("migrate.tenants").gauges())
					.allSatisfy((gauge) -> assertThat(gauge.getId().getTags()).extracting("key").containsOnly("outcome"));
			});
	}

	@Test
	void theDataSourceMigratorIsLeftOutOfReportsWhileOtherEnginesStay() {
		this.contextRunner
			.withPropertyValues("migrate.tenants.names=acme,globex", "migrate.instances.audit.url=jdbc:h2:mem:"
					+ UUID.randomUUID(), "migrate.instances.audit.locations=classpath:db/app")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(Migrator.class)).containsOnlyKeys("migrator", "auditMigrator");
				// The main schema holds the tenants' schemas and none of the revisions: listing it would show every
				// revision as pending.
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				assertThat(endpoint.migrations(null, null, null).getContexts().values())
					.singleElement()
					.satisfies((beans) -> assertThat(beans.getMigrateBeans()).containsOnlyKeys("auditMigrator"));
				assertThat(endpoint.revision("1a2b3c4d5e6f").getContexts().values()).singleElement()
					.satisfies((matches) -> assertThat(matches.getMigrateBeans()).containsOnlyKeys("auditMigrator"));
				HealthContributor contributor = context.getBean("migrationsHealthContributor", HealthContributor.class);
				assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
				CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
				assertThat(composite.stream().map(HealthContributors.Entry::name)).containsExactly("tenants",
						"auditMigrator");
				assertThat(health(composite.getContributor("tenants")).getDetails()).containsEntry("succeeded", 2);
				assertThat(meters(context).find("migrate.pending").gauges()).singleElement()
					.satisfies((gauge) -> assertThat(gauge.getId().getTag("engine")).isEqualTo("auditMigrator"));
				assertThat(meters(context).find("migrate.pending.repeatables").gauges()).singleElement()
					.satisfies((gauge) -> assertThat(gauge.getId().getTag("engine")).isEqualTo("auditMigrator"));
			});
	}

	@Test
	void theSingleDatabaseSettingsApplyToEveryTenant() {
		this.contextRunner
			.withPropertyValues("migrate.tenants.names=acme,globex", "migrate.version-table=app_version",
					"migrate.history-table=app_history", "migrate.lock-timeout=5s")
			.withBean(MigrateCustomizer.class, () -> (builder) -> builder.ddlLockRetries(7))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
				for (String tenant : List.of("acme", "globex")) {
					assertThat(jdbc.queryForList("SELECT \"version_num\" FROM \"" + tenant + "\".\"app_version\"",
							String.class))
						.containsExactly("2b3c4d5e6f70");
					assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"" + tenant + "\".\"app_history\"",
							Integer.class))
						.isEqualTo(2);
				}
				MigrateFleet fleet = context.getBean(MigrateFleet.class);
				assertThat(fleet.getRunner().config().main().lockTimeout()).hasSeconds(5);
				assertThat(fleet.getRunner().config().main().ddlLockRetries()).isEqualTo(7);
				assertThat(fleet.getRunner().migrator(fleet.getRunner().tenants().get(0)).config().versionTable())
					.isEqualTo("app_version");
			});
	}

	@Test
	void failFastFailsStartupOnAFailedTenant() {
		this.contextRunner.withPropertyValues("migrate.tenants.names=globex", "migrate.tenants.fail-fast=true")
			.withUserConfiguration(BrokenGlobex.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Migrate (migrate.tenants)")
				.hasMessageContaining("globex: failed"));
	}

	@Test
	void aMigrateTenantsBeanNamesTheTenants() {
		this.contextRunner.withBean(MigrateTenants.class, () -> () -> List.of("north", "south")).run((context) -> {
			assertThat(context).hasNotFailed();
			Map<String, Integer> counts = context.getBean(MigrationsEndpoint.class)
				.migrations(null, null, null)
				.getTenants()
				.getCounts();
			assertThat(counts).containsEntry("succeeded", 2);
			assertThat(context.getBean(MigrateFleet.class).getRunner().tenants()).extracting("name")
				.containsExactly("north", "south");
		});
	}

	@Test
	void withoutTenantsThereIsNoFleetAndTheEndpointHasNoTenants() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(MigrateFleet.class);
			assertThat(context.getBean(MigrationsEndpoint.class).migrations(null, null, null).getTenants()).isNull();
		});
	}

	// What the metrics auto-configuration does with MeterBinder beans, which this context leaves out.
	@Test
	void aTenantWhoseRepeatableScriptChangedIsReportedPendingWithTheScriptUntilAnUpgrade(@TempDir Path directory)
			throws IOException {
		Path scripts = Files.createDirectories(directory.resolve("scripts"));
		for (String script : List.of("1a2b3c4d5e6f_create_item.sql", "2b3c4d5e6f70_add_item_price.sql")) {
			Files.copy(new ClassPathResource("db/app/" + script).getInputStream(), scripts.resolve(script));
		}
		Path view = scripts.resolve("R_item_names.sql");
		Files.writeString(view, itemNames("name"));
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues("migrate.tenants.names=acme,globex",
				"spring.datasource.url=jdbc:h2:file:" + directory.resolve("db"),
				"migrate.locations=filesystem:" + scripts);
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrateFleet.class).latest().tenants()).extracting(TenantResult::line)
				.containsExactly("acme: succeeded, base -> 2b3c4d5e6f70 (2 revisions), applied 1 repeatable script "
						+ "(item_names)", "globex: succeeded, base -> 2b3c4d5e6f70 (2 revisions), applied 1 repeatable "
						+ "script (item_names)");
		});
		Files.writeString(view, itemNames("id, name"));
		runner.withPropertyValues("migrate.on-startup=none").run((context) -> {
			assertThat(context).hasNotFailed();
			// No revision is pending: the changed script alone makes each tenant pending.
			Health health = health(context.getBean("migrationsHealthContributor", HealthContributor.class));
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("pending", 2).containsEntry("up to date", 0);
			TenantsDescriptor tenants = context.getBean(MigrationsEndpoint.class).migrations(null, null, null)
				.getTenants();
			assertThat(tenants.getFailedOrPending()).extracting(TenantsDescriptor.TenantDescriptor::getDetail)
				.containsExactly("at 2b3c4d5e6f70, 1 pending repeatable script (item_names)",
						"at 2b3c4d5e6f70, 1 pending repeatable script (item_names)");
			assertThat(meters(context).get("migrate.tenants").tag("outcome", "pending").gauge().value()).isEqualTo(2);

			MigrateFleet fleet = context.getBean(MigrateFleet.class);
			assertThat(fleet.upgrade("heads").tenants()).extracting(TenantResult::line)
				.containsExactly("acme: succeeded, at 2b3c4d5e6f70, applied 1 repeatable script (item_names)",
						"globex: succeeded, at 2b3c4d5e6f70, applied 1 repeatable script (item_names)");
			assertThat(fleet.getRunner().status().tenants()).extracting(TenantResult::line)
				.containsExactly("acme: up to date, at 2b3c4d5e6f70", "globex: up to date, at 2b3c4d5e6f70");
			assertThat(health(context.getBean("migrationsHealthContributor", HealthContributor.class)).getStatus())
				.isEqualTo(Status.UP);
		});
	}

	private static String itemNames(String columns) {
		return "-- Repeatable: item_names\n\n-- migrate:upgrade\nDROP VIEW IF EXISTS item_names;\n"
				+ "CREATE VIEW item_names AS SELECT " + columns + " FROM item;\n";
	}

	private static MeterRegistry meters(ApplicationContext context) {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(registry));
		return registry;
	}

	private static Health health(HealthContributor contributor) {
		return ((MigrationsTenantsHealthIndicator) contributor).health(true);
	}

	/**
	 * Gives tenant globex a table ITEM before startup, so its first revision fails.
	 */
	@Configuration(proxyBeanMethods = false)
	static class BrokenGlobex {

		@Bean
		static org.springframework.beans.factory.config.BeanPostProcessor brokenGlobex() {
			return new org.springframework.beans.factory.config.BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof javax.sql.DataSource dataSource) {
						new JdbcTemplate(dataSource).execute("CREATE SCHEMA IF NOT EXISTS \"globex\"");
						new JdbcTemplate(dataSource).execute("CREATE TABLE IF NOT EXISTS \"globex\".ITEM (id INT)");
					}
					return bean;
				}
			};
		}

	}

}
