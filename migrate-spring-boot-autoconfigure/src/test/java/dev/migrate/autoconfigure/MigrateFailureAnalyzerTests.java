package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.core.AdvisedSetting;
import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateException;
import dev.migrate.core.graph.MultipleHeadsException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateFailureAnalyzer}.
 */
class MigrateFailureAnalyzerTests {

	private final MigrateFailureAnalyzer analyzer = new MigrateFailureAnalyzer();

	@Test
	void explainsPendingRevisionsUnderValidate() {
		MigrateValidationException cause = new MigrateValidationException("migrate.instances.reports",
				"Migrate (migrate.instances.reports) at jdbc:h2:mem:x is not at heads: 1 pending revision ae10",
				List.of("ae10"), List.of());
		FailureAnalysis analysis = analyze(cause);
		assertThat(analysis.getDescription()).isEqualTo("Migrate failed at startup: " + cause.getMessage());
		assertThat(analysis.getAction()).isEqualTo("Apply the pending revisions (migrate upgrade heads) or set"
				+ " migrate.instances.reports.on-startup=upgrade; fix any validation problem listed above.");
	}

	@Test
	void namesThePropertyOfAConfigurationError() {
		assertThat(analyze(new ConfigurationException("migrate.version-table", "bad")).getAction())
			.isEqualTo("Fix the property 'migrate.version-table' in the application's configuration.");
		assertThat(analyze(new ConfigurationException("connectRetriesInterval", "bad")).getAction())
			.isEqualTo("Fix the property 'migrate.connect-retries-interval' in the application's configuration.");
	}

	@Test
	void namesTheInstanceWhosePropertyIsWrong() {
		assertThat(analyze(new ConfigurationException("migrate.instances.reports.version-table", "bad")).getAction())
			.isEqualTo("Fix the property 'migrate.instances.reports.version-table' in the application's configuration"
					+ " (the engine migrate.instances.reports).");
	}

	@Test
	void namesTheInstanceWhoseStartupUpgradeFailed() {
		MigrateStartupException cause = new MigrateStartupException("migrate.instances.reports",
				"Migrate (migrate.instances.reports) at jdbc:h2:mem:x: upgrade to heads FAILED: Revision 'ae10' failed",
				new MigrateException("Revision 'ae10' failed"));
		FailureAnalysis analysis = analyze(cause);
		assertThat(analysis.getDescription()).isEqualTo("Migrate failed at startup: " + cause.getMessage());
		assertThat(analysis.getAction()).endsWith("set migrate.instances.reports.on-startup=none.");
		MigrateStartupException config = new MigrateStartupException("migrate.instances.reports", "failed",
				new ConfigurationException("initSqls", "Init SQL 1 of 1 failed"));
		assertThat(analyze(config).getAction()).isEqualTo("Fix the property 'migrate.instances.reports.init-sqls' in"
				+ " the application's configuration (the engine migrate.instances.reports).");
	}

	@Test
	void explainsOtherMigrationFailures() {
		FailureAnalysis analysis = analyze(new MigrateException("Revision 'ae10' failed at statement 2 (line 7)"));
		assertThat(analysis.getDescription())
			.isEqualTo("Migrate failed at startup: Revision 'ae10' failed at statement 2 (line 7)");
		assertThat(analysis.getAction()).contains("migrate.on-startup=none");
	}

	@Test
	void namesEveryAdvisedSettingAsAProperty() {
		for (AdvisedSetting setting : AdvisedSetting.values()) {
			String description = analyze(new MigrateException("It failed; " + setting.advice())).getDescription();
			String property = "migrate." + MigratorFactory.toKebabCase(setting.javaName());
			assertThat(description).contains(property);
			// A one-word name (placeholders) is its own property segment; a builder name must not show.
			assertThat(description.replace(property, "")).doesNotContain(setting.javaName());
		}
		assertThat(analyze(new MigrateException("Wait for that migration to finish, or raise lockTimeout"))
			.getDescription()).endsWith("or raise migrate.lock-timeout");
	}

	@Test
	void namesTheTargetPropertyInsteadOfMergingHeadsOnTheCommandLine() {
		MultipleHeadsException heads = new MultipleHeadsException("b@head", List.of("d1", "d2"),
				"Target 'b@head' matches 2 heads (d1, d2)", List.of("b@heads"));
		assertThat(heads.getMessage()).endsWith("; use 'b@heads', a revision id, or 'migrate merge heads'");
		assertThat(analyze(heads).getDescription())
			.isEqualTo("Migrate failed at startup: Target 'b@head' matches 2 heads (d1, d2); set migrate.target to"
					+ " 'b@heads' or a revision id, or add a revision that merges the heads");
	}

	@Test
	void explainsPendingRepeatableScriptsUnderValidate() {
		MigrateValidationException cause = new MigrateValidationException("migrate",
				"Migrate (migrate) at jdbc:h2:mem:x is not at heads: 1 pending repeatable script base_ids", List.of(),
				List.of("base_ids"), List.of(), List.of());
		assertThat(analyze(cause).getAction()).isEqualTo("Apply the pending repeatable scripts (migrate upgrade heads)"
				+ " or set migrate.on-startup=upgrade; fix any validation problem listed above.");
	}

	@Test
	void namesTheEnginesOwnOnStartupPropertyForPendingTenants() {
		MigrateValidationException cause = new MigrateValidationException("migrate.tenants",
				"Migrate (migrate.tenants): 1 tenant pending", List.of("acme"), List.of());
		assertThat(analyze(cause).getAction()).isEqualTo("Apply what the tenants have pending (migrate upgrade heads)"
				+ " or set migrate.on-startup=upgrade; fix any validation problem listed above.");
	}

	@Test
	void namesAnAdvisedSettingUnderTheInstancesPrefix() {
		MigrateValidationException cause = new MigrateValidationException("migrate.instances.reports",
				"Revision 'ae10' was edited after it ran; restore it, or turn validateOnMigrate off", List.of(),
				List.of("edited"));
		assertThat(analyze(cause).getDescription())
			.endsWith("or set migrate.instances.reports.validate-on-migrate=false");
	}

	@Test
	void namesTheDdlLockSettingsUnderTheInstancesPrefix() {
		MigrateValidationException cause = new MigrateValidationException("migrate.instances.reports",
				"Every attempt (3) waited for a lock; run upgrade again once that session has finished, or raise"
						+ " ddlLockTimeout or raise ddlLockRetries",
				List.of(), List.of("lock"));
		assertThat(analyze(cause).getDescription()).endsWith("or raise migrate.instances.reports.ddl-lock-timeout"
				+ " or raise migrate.instances.reports.ddl-lock-retries");
	}

	private FailureAnalysis analyze(MigrateException cause) {
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("migrateInitializer", "failed", cause));
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
