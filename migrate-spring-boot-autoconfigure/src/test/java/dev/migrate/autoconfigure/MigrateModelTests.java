package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.autoconfigure.actuate.MigrationsEndpoint;
import dev.migrate.autoconfigure.actuate.MigrationsEndpointAutoConfiguration;
import dev.migrate.core.ConfigurationException;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code migrate.model}: the database compared with the desired schema at startup and in the migrations
 * endpoint, on real SQLite database files and PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateModelTests {

	private static final String DIFFERENCES = "create table supplier; add column item.sku";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:db/app",
				"management.endpoints.web.exposure.include=migrations");

	@Test
	void warnsAfterTheUpgradeWhenTheDatabaseDiffersFromTheModel(CapturedOutput output) {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			this.contextRunner.withPropertyValues(url(db), "migrate.model=classpath:models/item-with-sku.sql")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(output).contains(": the database differs from the model"
							+ " classpath:models/item-with-sku.sql (migrate.model): " + DIFFERENCES
							+ "; write a revision for them with migrate revision --autogenerate");
					assertThat(differences(context.getBean(MigrationsEndpoint.class), context.getId(), "migrator"))
						.containsExactly("create table supplier", "add column item.sku");
				});
		}
	}

	@Test
	void failsStartupUnderValidateWhenTheDatabaseDiffersFromTheModel() {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			this.contextRunner.withPropertyValues(url(db)).run((context) -> assertThat(context).hasNotFailed());
			this.contextRunner
				.withPropertyValues(url(db), "migrate.on-startup=validate",
						"migrate.model=classpath:models/item-with-sku.sql")
				.run((context) -> {
					assertThat(context).hasFailed();
					MigrateValidationException failure = (MigrateValidationException) rootCause(
							context.getStartupFailure());
					assertThat(failure.getModelDifferences()).containsExactly("create table supplier",
							"add column item.sku");
					assertThat(failure.getPending()).isEmpty();
					assertThat(failure.getMessage()).isEqualTo("Migrate (migrate) at " + db.url()
							+ " differs from the model classpath:models/item-with-sku.sql (migrate.model,"
							+ " migrate.on-startup=validate): " + DIFFERENCES + "; nothing was changed. Write a"
							+ " revision for the differences (migrate revision --autogenerate -m MESSAGE --model FILE)"
							+ " and apply it, or correct migrate.model");
					FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getAction()).isEqualTo("Write a revision for the differences listed above"
							+ " (migrate revision --autogenerate -m MESSAGE --model FILE, with the DDL of"
							+ " migrate.model) and apply it, or correct migrate.model.");
				});
		}
	}

	@Test
	void startsUnderValidateWhenTheDatabaseMatchesTheModel(CapturedOutput output) {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			this.contextRunner.withPropertyValues(url(db)).run((context) -> assertThat(context).hasNotFailed());
			this.contextRunner
				.withPropertyValues(url(db), "migrate.on-startup=validate", "migrate.model=classpath:models/item.sql")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(output).contains(": validated, at heads [2b3c4d5e6f70], matches the model"
							+ " classpath:models/item.sql");
					assertThat(differences(context.getBean(MigrationsEndpoint.class), context.getId(), "migrator"))
						.isEmpty();
				});
		}
	}

	@Test
	void reportsNoModelDifferencesForAnEngineWithoutAModel() {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			this.contextRunner.withPropertyValues(url(db))
				.run((context) -> assertThat(
						differences(context.getBean(MigrationsEndpoint.class), context.getId(), "migrator"))
					.isNull());
		}
	}

	@Test
	void namesTheModelPropertyWhenTheResourceIsMissing() {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			this.contextRunner
				.withPropertyValues(url(db), "migrate.model=classpath:models/missing.sql")
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(rootCause(context.getStartupFailure())).isInstanceOf(ConfigurationException.class)
						.hasMessageStartingWith("Property 'migrate.model' names 'classpath:models/missing.sql',"
								+ " which cannot be read (");
				});
		}
	}

	@Test
	void checksAnInstanceAgainstItsOwnModel() {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE);
				TestDatabase reports = TestDatabases.create(Engine.SQLITE)) {
			this.contextRunner
				.withPropertyValues(url(db), "migrate.model=classpath:models/item.sql",
						"migrate.instances.shop.url=" + reports.url(),
						"migrate.instances.shop.locations=classpath:db/app",
						"migrate.instances.shop.model=classpath:models/item-with-sku.sql")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
					assertThat(differences(endpoint, context.getId(), "migrator")).isEmpty();
					assertThat(differences(endpoint, context.getId(), "shopMigrator"))
						.containsExactly("create table supplier", "add column item.sku");
				});
		}
	}

	@Test
	void comparesWithTheModelOnPostgresql() {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not available");
		try (TestDatabase db = TestDatabases.create(Engine.POSTGRESQL)) {
			this.contextRunner
				.withPropertyValues(url(db), "spring.datasource.username=" + db.user(),
						"spring.datasource.password=" + ((db.password() != null) ? db.password() : ""),
						"migrate.model=classpath:models/item-with-sku.sql")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(differences(context.getBean(MigrationsEndpoint.class), context.getId(), "migrator"))
						.containsExactly("create table supplier", "add column item.sku");
				});
			this.contextRunner
				.withPropertyValues(url(db), "spring.datasource.username=" + db.user(),
						"spring.datasource.password=" + ((db.password() != null) ? db.password() : ""),
						"migrate.on-startup=validate", "migrate.model=classpath:models/item.sql")
				.run((context) -> assertThat(context).hasNotFailed());
		}
	}

	private static String url(TestDatabase db) {
		return "spring.datasource.url=" + db.url();
	}

	private static List<String> differences(MigrationsEndpoint endpoint, String contextId, String bean) {
		return endpoint.migrations(null, null, null).getContexts().get(contextId).getMigrateBeans().get(bean).getModelDifferences();
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
