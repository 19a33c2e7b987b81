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
			assertThat(description).doesNotContain(setting.javaName())
				.contains("migrate." + MigratorFactory.toKebabCase(setting.javaName()));
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
