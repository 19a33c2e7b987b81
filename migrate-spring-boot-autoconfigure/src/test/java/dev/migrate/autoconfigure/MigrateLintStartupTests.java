package dev.migrate.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrate.core.Migrator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate.lint.*}: the startup lint on a real (H2) database, whose second revision updates every row of
 * an existing table (ALL06, an error).
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateLintStartupTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "migrate.locations=classpath:db/lint");

	@Test
	void failModeStopsStartupBeforeTheDatabaseChanges(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrate.lint.on-startup=fail").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrateLintException.class)
				.hasMessageEndingWith(": lint found 1 error (migrate.lint.on-startup=fail):"
						+ " db/lint/2d3e4f5a6b7c_name_items.sql:8 ALL06 UPDATE or DELETE without WHERE on an existing"
						+ " table; nothing was changed");
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getAction()).contains("migrate.lint.severity.<CODE>")
				.contains("set migrate.lint.on-startup=log");
			assertThat(output).contains("lint db/lint/2d3e4f5a6b7c_name_items.sql:8: error ALL06 UPDATE changes every"
					+ " row of item");
		});
	}

	@Test
	void logModeLogsTheFindingsAndMigrates(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrate.lint.on-startup=log").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("2d3e4f5a6b7c");
			assertThat(output).contains(": error ALL06 ");
		});
	}

	@Test
	void aSeverityPropertyChangesTheOutcome() {
		this.contextRunner.withPropertyValues("migrate.lint.on-startup=fail", "migrate.lint.severity.ALL06=warning")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class)).isZero();
			});
	}

	@Test
	void anUnknownRuleCodeNamesTheProperty() {
		this.contextRunner.withPropertyValues("migrate.lint.on-startup=fail", "migrate.lint.severity.XX99=off")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Property 'migrate.lint.severity.XX99' names no lint rule");
				assertThat(analysis.getAction()).isEqualTo(
						"Fix the property 'migrate.lint.severity.XX99' in the application's configuration.");
			});
	}

	@Test
	void lintIsOffByDefault(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain("ALL06");
		});
	}

}
