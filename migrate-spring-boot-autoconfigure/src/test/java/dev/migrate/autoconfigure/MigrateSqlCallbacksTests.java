package dev.migrate.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.actuate.MigrationsEndpoint;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.MigratorDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.RepeatableDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpointAutoConfiguration;
import dev.migrate.core.MigrateException;
import dev.migrate.core.RepeatableState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL callbacks and repeatable scripts from the {@code migrate.locations} of a Spring application, on H2.
 */
class MigrateSqlCallbacksTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"management.endpoints.web.exposure.include=migrations");

	@Test
	void runsTheSqlCallbacksOfTheConfiguredLocationsAtStartup() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/app,classpath:db/callbacks")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(log(context.getBean(DataSource.class))).containsExactly("beforeUpgrade",
						"beforeEachRevision", "afterEachRevision", "beforeEachRevision", "afterEachRevision",
						"afterUpgrade");
			});
	}

	@Test
	void appliesRepeatableScriptsAndReportsThemOnTheEndpoint() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/app,classpath:db/callbacks")
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item_names", Integer.class)).isZero();
				MigratorDescriptor migrator = context.getBean(MigrationsEndpoint.class)
					.migrations(null, null, null)
					.getContexts()
					.get(context.getId())
					.getMigrateBeans()
					.get("migrator");
				assertThat(migrator.getRepeatables()).singleElement().satisfies((repeatable) -> {
					assertThat(repeatable.getName()).isEqualTo("item_names");
					assertThat(repeatable.getScript()).isEqualTo("db/callbacks/item_names.sql");
					assertThat(repeatable.getDependsOn()).containsExactly("1a2b3c4d5e6f");
					assertThat(repeatable.getState()).isEqualTo(RepeatableState.APPLIED);
					assertThat(repeatable.getAppliedChecksum()).isEqualTo(repeatable.getChecksum());
				});
				assertThat(migrator.getRecentHistory().get(0).getDirection()).isEqualTo("repeatable");
			});
	}

	@Test
	void doesNotRunCallbacksWhenMigrationOnStartupIsOff() {
		this.contextRunner
			.withPropertyValues("migrate.locations=classpath:db/app,classpath:db/callbacks", "migrate.on-startup=none")
			.run((context) -> {
				MigratorDescriptor migrator = context.getBean(MigrationsEndpoint.class)
					.migrations(null, null, null)
					.getContexts()
					.get(context.getId())
					.getMigrateBeans()
					.get("migrator");
				assertThat(migrator.getRepeatables()).extracting(RepeatableDescriptor::getState)
					.containsExactly(RepeatableState.WAITING);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'CB_LOG'",
						String.class)).isEmpty();
			});
	}

	@Test
	void aFailingCallbackFailsStartupNamingTheCallbackFileAndLine() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/app,classpath:db/callbacks-failing")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null && !(failure instanceof MigrateException)) {
					failure = failure.getCause();
				}
				// The startup failure names the engine first (migrate, or migrate.instances.<name>), then the callback.
				assertThat(failure).isNotNull()
					.hasMessageStartingWith("Migrate (migrate) at ")
					.hasMessageContaining(
							"FAILED: Callback db/callbacks-failing/afterUpgrade.sql:2 (afterUpgrade.sql) failed: ");
			});
	}

	private static List<String> log(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList("SELECT event FROM cb_log ORDER BY n", String.class);
	}

}
