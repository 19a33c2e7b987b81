package dev.migrate.maven;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.core.AdvisedSetting;
import dev.migrate.core.MigrateConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade goal's baseline parameters and the revision goals' transaction grouping reach the configuration, and
 * the core's advice is worded as the plugin's parameters. Placeholders and init SQL run in the invoker build
 * {@code src/it/check-in-verify}.
 */
class DayTwoParametersTests {

	@Test
	void baselineParametersReachTheConfiguration() {
		UpgradeMojo upgrade = new UpgradeMojo();
		upgrade.baselineOnMigrate = true;
		upgrade.baselineRevision = " a1b2 ";
		MigrateConfig.Builder builder = MigrateConfig.builder().url("jdbc:sqlite:x.db").locations("filesystem:.");

		upgrade.configure(builder);

		MigrateConfig config = builder.build();
		assertThat(config.baselineOnMigrate()).isTrue();
		assertThat(config.baselineRevision()).isEqualTo("a1b2");
	}

	@Test
	void withoutBaselineParametersAnUpgradeDoesNotAdopt() {
		MigrateConfig.Builder builder = MigrateConfig.builder().url("jdbc:sqlite:x.db").locations("filesystem:.");

		new UpgradeMojo().configure(builder);

		assertThat(builder.build().baselineOnMigrate()).isFalse();
	}

	@Test
	void goalsThatRunRevisionsTakeTransactionPerMigration() {
		for (AbstractRevisionsMojo goal : List.of(new UpgradeMojo(), new DowngradeMojo(), new SqlMojo())) {
			MigrateConfig.Builder builder = MigrateConfig.builder().url("jdbc:sqlite:x.db").locations("filesystem:.");
			goal.configure(builder);
			assertThat(builder.build().transactionPerMigration()).as(goal.getClass().getSimpleName()).isTrue();

			goal.transactionPerMigration = false;
			goal.configure(builder);
			assertThat(builder.build().transactionPerMigration()).as(goal.getClass().getSimpleName()).isFalse();
		}
	}

	@Test
	void adviceNamesTheParameterWhereThePluginHasOne() {
		assertThat(MavenAdvice.reword("Unknown placeholder; " + AdvisedSetting.PLACEHOLDERS.advice()))
			.isEqualTo("Unknown placeholder; give it a value with -Dmigrate.placeholders.NAME=VALUE or the plugin's "
					+ "<placeholders>");
		assertThat(MavenAdvice.reword("No version table; " + AdvisedSetting.BASELINE_ON_MIGRATE.advice()))
			.endsWith("pass -Dmigrate.baselineOnMigrate -Dmigrate.baselineRevision=REVISION to migrate:upgrade");
		assertThat(MavenAdvice.reword("finish it by hand and run 'migrate stamp ab12'"))
			.isEqualTo("finish it by hand and run 'mvn migrate:stamp -Dmigrate.target=ab12'");
		assertThat(MavenAdvice.reword("Waited; " + AdvisedSetting.LOCK_TIMEOUT.advice()))
			.isEqualTo("Waited; " + AdvisedSetting.LOCK_TIMEOUT.advice());
	}

}
