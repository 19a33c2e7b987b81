package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.core.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a team coming from Flyway sets on day two, through {@link MigrateAutoConfiguration} on H2:
 * {@code migrate.baseline-on-migrate}, {@code migrate.placeholders.*}, {@code migrate.init-sqls}, and failure
 * analyses that name the property to change and the engine that failed.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateDayTwoTests {

	private static final String HEAD = "2b3c4d5e6f70";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void baselineOnMigrateStampsAnExistingSchemaThenUpgradesFromThere(CapturedOutput output) throws SQLException {
		String url = existingSchema();
		this.contextRunner
			.withPropertyValues("migrate.url=" + url, "migrate.user=sa", "migrate.locations=classpath:db/app",
					"migrate.baseline-on-migrate=true", "migrate.baseline-revision=1a2b3c4d5e6f")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).current()).containsExactly(HEAD);
				assertThat(output).contains(": baselined at 1a2b3c4d5e6f (migrate.baseline-on-migrate), upgraded to heads,"
						+ " applied 1 revision (" + HEAD + ")");
			});
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			// The baseline ran nothing: the table made by hand holds its row, and the second revision added price.
			assertThat(statement.executeQuery("SELECT COUNT(price) + COUNT(*) FROM item")).satisfies((rows) -> {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(1);
			});
		}
	}

	@Test
	void withoutBaselineATableFullDatabaseFailsNamingBothPropertiesAndStamp() throws SQLException {
		String url = existingSchema();
		this.contextRunner.withPropertyValues("migrate.url=" + url, "migrate.user=sa", "migrate.locations=classpath:db/app")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("The database held 1 table (ITEM) but no version table")
					.contains("stamp it at the revision its schema matches ('migrate stamp <revision>' with the migrate"
							+ " command line (or 'mvn migrate:stamp -Dmigrate.target=<revision>' from the build)), or set"
							+ " migrate.baseline-on-migrate=true and migrate.baseline-revision to do that as part of"
							+ " the upgrade")
					.doesNotContain("baselineOnMigrate");
				assertThat(analysis.getAction()).contains("set migrate.on-startup=none");
			});
	}

	@Test
	void placeholdersAndInitSqlsReachTheScripts() {
		this.contextRunner
			.withPropertyValues("migrate.locations=classpath:db/placeholders", "migrate.placeholders.owner=app_owner",
					"migrate.init-sqls[0]=SET @init_value = 'from_init'")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT k || '=' || v FROM setting ORDER BY k", String.class))
					.containsExactly("engine=h2", "init=from_init", "literal=${owner}", "owner=app_owner");
			});
	}

	@Test
	void placeholderReplacementFalseRunsScriptsAsWritten() {
		this.contextRunner
			.withPropertyValues("migrate.locations=classpath:db/placeholders-unknown",
					"migrate.placeholder-replacement=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT grantee FROM report_grant", String.class)).isEqualTo("${reader}");
			});
	}

	@Test
	void anUnknownPlaceholderOfAnInstanceNamesTheInstanceAndItsProperty() {
		this.contextRunner
			.withPropertyValues("migrate.locations=classpath:db/app",
					"migrate.instances.reports.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"migrate.instances.reports.locations=classpath:db/placeholders-unknown")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("Migrate failed at startup: Migrate"
						+ " (migrate.instances.reports) at jdbc:h2:mem:")
					.contains("8b9c0d1e2f30_create_grant.sql:9: unknown placeholder '${reader}'")
					.contains("give it a value in migrate.instances.reports.placeholders.<name>");
				assertThat(analysis.getAction()).endsWith("set migrate.instances.reports.on-startup=none.");
			});
	}

	@Test
	void aFailingInitSqlOfAnInstanceNamesItsProperty() {
		this.contextRunner
			.withPropertyValues("migrate.locations=classpath:db/app",
					"migrate.instances.reports.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"migrate.instances.reports.locations=classpath:db/reports",
					"migrate.instances.reports.init-sqls=SELEC 1")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("(migrate.instances.reports)")
					.contains("Init SQL 1 of 1 (SELEC 1) failed on ")
					.contains("fix or remove it in migrate.instances.reports.init-sqls");
				assertThat(analysis.getAction()).isEqualTo("Fix the property 'migrate.instances.reports.init-sqls' in"
						+ " the application's configuration (the engine migrate.instances.reports).");
			});
	}

	// A database whose schema the first revision would create, made by hand as before migrate.
	private static String existingSchema() throws SQLException {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
			statement.execute("INSERT INTO item VALUES (1, 'made by hand')");
		}
		return url;
	}

}
