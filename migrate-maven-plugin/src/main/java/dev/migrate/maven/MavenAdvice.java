package dev.migrate.maven;

import dev.migrate.core.AdvisedSetting;
import dev.migrate.core.StampAdvice;

/**
 * Words the fixes core messages advise as the plugin offers them: a {@code -Dmigrate.*} user property or a
 * parameter of the plugin's configuration, and the stamp command as the {@code migrate:stamp} goal; settings the
 * plugin does not expose keep the core's wording.
 */
final class MavenAdvice {

	private MavenAdvice() {
	}

	/**
	 * @param message a message from the core
	 * @return the message with each advised setting the plugin has named as the plugin's parameter
	 */
	static String reword(String message) {
		return StampAdvice.reword(AdvisedSetting.reword(message, MavenAdvice::parameter), StampAdvice::mavenGoal);
	}

	private static String parameter(AdvisedSetting setting) {
		return switch (setting) {
			case BASELINE_ON_MIGRATE -> "pass -Dmigrate.baselineOnMigrate -Dmigrate.baselineRevision=REVISION to "
					+ "migrate:upgrade";
			case INIT_SQLS -> "fix or remove it in the plugin's <initSqls>";
			case PLACEHOLDERS -> "give it a value with -Dmigrate.placeholders.NAME=VALUE or the plugin's <placeholders>";
			case LOCK_TIMEOUT, VALIDATE_ON_MIGRATE, TRANSACTION_PER_MIGRATION, CONNECT_RETRIES, DDL_LOCK_TIMEOUT,
					DDL_LOCK_RETRIES -> null;
		};
	}

}
