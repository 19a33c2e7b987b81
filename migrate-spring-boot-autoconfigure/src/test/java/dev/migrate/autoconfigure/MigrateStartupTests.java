package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.core.MigrateException;
import dev.migrate.core.Migrator;
import dev.migrate.core.script.JavaMigration;
import dev.migrate.core.script.Migration;
import dev.migrate.core.script.MigrationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup migrations on a real (H2) database through {@link MigrateAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateStartupTests {

	private static final String FIRST = "1a2b3c4d5e6f";

	private static final String HEAD = "2b3c4d5e6f70";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "migrate.locations=classpath:db/app");

	@Test
	void upgradesToHeadsBeforeDatabaseUsersAreCreated(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(ItemCounter.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ItemCounter.class).pricedItems).isZero();
			assertThat(context.getBean(Migrator.class).current()).containsExactly(HEAD);
			assertThat(output).contains("Migrate (migrate) at jdbc:h2:mem:")
				.contains(": upgraded to heads, applied 2 revisions (" + FIRST + ", " + HEAD + ") in ")
				.contains("; now at [" + HEAD + "]");
		});
	}

	@Test
	void twoHeadsUnderTargetHeadAreFixedWithTheTargetPropertyNotACommand(@TempDir Path scripts,
			CapturedOutput output) throws IOException {
		Files.writeString(scripts.resolve("a1_base.sql"), script("a1", "", "CREATE TABLE base_table (id INT)"));
		Files.writeString(scripts.resolve("b2_left.sql"), script("b2", "a1", "CREATE TABLE left_table (id INT)"));
		Files.writeString(scripts.resolve("c3_right.sql"), script("c3", "a1", "CREATE TABLE right_table (id INT)"));
		this.contextRunner.withPropertyValues("migrate.locations=filesystem:" + scripts, "migrate.target=head")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Target 'head' matches 2 heads (b2, c3)")
					.endsWith("; set migrate.target to 'heads', 'app@head', or add a revision that merges the heads")
					.doesNotContain("migrate merge");
				assertThat(output).contains("set migrate.target to 'heads'").doesNotContain("'migrate merge heads'");
			});
		this.contextRunner
			.withPropertyValues("migrate.locations=filesystem:" + scripts, "migrate.target=head",
					"migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.endsWith("; set migrate.target to 'heads', 'app@head', or add a revision that merges the heads");
				assertThat(output).doesNotContain("'migrate merge heads'");
			});
	}

	private static String script(String id, String revises, String upgrade) {
		return "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises + "\n"
				+ (revises.isEmpty() ? "-- Branch Labels: app\n" : "") + "\n-- migrate:upgrade\n" + upgrade
				+ ";\n\n-- migrate:downgrade\nSELECT 1;\n";
	}

	@Test
	void theStartupLineNamesTheRepeatableScriptsItAppliedAndSaysNothingToApplyOnlyWhenThereWereNone(
			@TempDir Path directory, CapturedOutput output) throws IOException {
		Path view = directory.resolve("scripts/R_base_ids.sql");
		ApplicationContextRunner runner = withRepeatableScript(directory);
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("; now at [a1]; applied repeatable script base_ids");
		Files.writeString(view, baseIds("id AS base_id"));
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains(": already at heads [a1]; applied repeatable script base_ids")
			.doesNotContain("nothing to apply");
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains(": already at heads [a1], nothing to apply");
	}

	@Test
	void failsStartupUnderValidateWhileARepeatableScriptIsPending(@TempDir Path directory) throws IOException {
		Path view = directory.resolve("scripts/R_base_ids.sql");
		ApplicationContextRunner runner = withRepeatableScript(directory);
		runner.run((context) -> assertThat(context).hasNotFailed());
		ApplicationContextRunner validating = runner.withPropertyValues("migrate.on-startup=validate");
		validating.run((context) -> assertThat(context).hasNotFailed());
		Files.writeString(view, baseIds("id AS base_id"));
		validating.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("is not at heads (migrate.on-startup=validate): 1 pending repeatable script"
						+ " base_ids; nothing was changed. Apply the repeatable scripts (migrate upgrade heads) or set"
						+ " migrate.on-startup=upgrade");
			MigrateValidationException failure = (MigrateValidationException) rootCause(context.getStartupFailure());
			assertThat(failure.getPending()).isEmpty();
			assertThat(failure.getPendingRepeatables()).containsExactly("base_ids");
		});
		runner.run((context) -> assertThat(context).hasNotFailed());
		validating.run((context) -> assertThat(context).hasNotFailed());
	}

	// A file database and a script directory: revision a1 (table base_table) and the repeatable view base_ids.
	private ApplicationContextRunner withRepeatableScript(Path directory) throws IOException {
		Path scripts = Files.createDirectories(directory.resolve("scripts"));
		Files.writeString(scripts.resolve("a1_base.sql"), script("a1", "", "CREATE TABLE base_table (id INT)"));
		Files.writeString(scripts.resolve("R_base_ids.sql"), baseIds("id"));
		return this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + directory.resolve("db"),
				"migrate.locations=filesystem:" + scripts);
	}

	private static String baseIds(String columns) {
		return "-- Repeatable: base_ids\n\n-- migrate:upgrade\nDROP VIEW IF EXISTS base_ids;\n"
				+ "CREATE VIEW base_ids AS SELECT " + columns + " FROM base_table;\n";
	}

	@Test
	void theStartupLineSummarizesALongListOfIds() {
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 1; i <= 1007; i++) {
			ids.add(String.format("r%04d", i));
		}
		assertThat(MigrateInitializer.summarize(ids)).isEqualTo("r0001, r0002, r0003, ... 1001 more ..., r1005, r1006,"
				+ " r1007");
		assertThat(MigrateInitializer.summarize(ids.subList(0, 10))).isEqualTo(String.join(", ", ids.subList(0, 10)));
	}

	@Test
	void masksThePasswordInTheStartupLine(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("migrate.url=jdbc:h2:mem:" + UUID.randomUUID() + ";USER=sa;PASSWORD=top-secret-9")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains(";PASSWORD=***: upgraded to heads").doesNotContain("top-secret-9");
			});
	}

	@Test
	void runsJavaMigrationBeansWithTheScripts() {
		this.contextRunner.withUserConfiguration(SeedItems.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("5e6f70819203");
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("SELECT name FROM item WHERE id = 1", String.class)).isEqualTo("seed");
		});
	}

	@Test
	void leavesTheDatabaseAloneWithOnStartupNone(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrate.on-startup=none").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).isEmpty();
			assertThat(output).contains(": migrate.on-startup=none, nothing run");
		});
	}

	@Test
	void failsStartupWithPendingRevisionsUnderValidate() {
		this.contextRunner.withPropertyValues("migrate.on-startup=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MigrateValidationException.class)
				.hasMessageContaining("is not at heads (migrate.on-startup=validate): 2 pending revisions " + FIRST
						+ ", " + HEAD + "; nothing was changed. Apply the revisions (migrate upgrade heads) or set"
						+ " migrate.on-startup=upgrade");
			MigrateValidationException failure = (MigrateValidationException) rootCause(context.getStartupFailure());
			assertThat(failure.getPending()).containsExactly(FIRST, HEAD);
			assertThat(failure.getEngine()).isEqualTo("migrate");
		});
	}

	@Test
	void startsUnderValidateWhenAtHeads(CapturedOutput output) {
		String url = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withPropertyValues(url).run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues(url, "migrate.on-startup=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains(": validated, at heads [" + HEAD + "]");
		});
	}

	@Test
	void failsStartupUnderValidateWhenAnAppliedScriptChanged() {
		String url = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withPropertyValues(url).run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues(url, "migrate.on-startup=validate", "migrate.locations=classpath:db/app-edited")
			.run((context) -> {
				assertThat(context).hasFailed();
				MigrateValidationException failure = (MigrateValidationException) rootCause(
						context.getStartupFailure());
				assertThat(failure.getPending()).isEmpty();
				assertThat(failure.getProblems()).singleElement().asString().contains("1a2b3c4d5e6f");
				assertThat(failure).hasMessageContaining("is not at heads (migrate.on-startup=validate): ")
					.hasMessageContaining(failure.getProblems().get(0));
			});
	}

	@Test
	void failsStartupWhenARevisionFails(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/failing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(migrateException(context.getStartupFailure())).isNotNull()
				.hasMessageContaining("Revision '3c4d5e6f7081'"
						+ " (db/failing/3c4d5e6f7081_insert_into_missing_table.sql:8)"
						+ " failed at statement 1 of 1 during upgrade")
				.hasMessageContaining("The version table holds [1a2b3c4d5e6f]");
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).startsWith("Migrate failed at startup: ")
				.contains("3c4d5e6f7081");
			assertThat(output).contains(": upgrade to heads FAILED: ");
		});
	}

	@Test
	void migratesEachInstanceOnItsOwnDatabase() {
		this.contextRunner.withUserConfiguration(TwoDataSources.class)
			.withPropertyValues("migrate.instances.reports.data-source=reportsDataSource",
					"migrate.instances.reports.locations=classpath:db/reports")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("migrator", Migrator.class).current()).containsExactly(HEAD);
				assertThat(context.getBean("reportsMigrator", Migrator.class).current())
					.containsExactly("4d5e6f708192");
				JdbcTemplate main = new JdbcTemplate(context.getBean("dataSource", DataSource.class));
				JdbcTemplate reports = new JdbcTemplate(context.getBean("reportsDataSource", DataSource.class));
				assertThat(main.queryForObject("SELECT COUNT(*) FROM item", Integer.class)).isZero();
				assertThat(reports.queryForObject("SELECT COUNT(*) FROM report", Integer.class)).isZero();
				assertThat(tables(main)).doesNotContain("REPORT");
				assertThat(tables(reports)).doesNotContain("ITEM");
			});
	}

	private static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
				String.class);
	}

	private static MigrateException migrateException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrateException migrateException) {
				return migrateException;
			}
		}
		return null;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Configuration(proxyBeanMethods = false)
	static class ItemCounter {

		final int pricedItems;

		// Fails unless the schema is at heads: price arrives with the second revision.
		ItemCounter(JdbcTemplate jdbc) {
			this.pricedItems = jdbc.queryForObject("SELECT COUNT(price) FROM item", Integer.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SeedItems {

		@Bean
		JavaMigration seedItemsMigration() {
			return new SeedItemsMigration();
		}

	}

	@Migration(id = "5e6f70819203", revises = "2b3c4d5e6f70", message = "Seed items")
	static class SeedItemsMigration implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) throws SQLException {
			context.execute("INSERT INTO item (id, name, price) VALUES (1, 'seed', 10)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		@Primary
		DataSource dataSource() {
			return h2();
		}

		@Bean
		DataSource reportsDataSource() {
			return h2();
		}

		private static DataSource h2() {
			return new SimpleDriverDataSource(new org.h2.Driver(),
					"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		}

	}

}
