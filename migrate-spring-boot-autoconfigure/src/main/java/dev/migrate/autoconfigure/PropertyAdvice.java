package dev.migrate.autoconfigure;

import dev.migrate.core.AdvisedSetting;

/**
 * Words the fixes core messages advise as Spring Boot properties ({@code migrate.lock-timeout}), never as a
 * builder method or a command-line flag.
 */
final class PropertyAdvice {

	private PropertyAdvice() {
	}

	/**
	 * @param message a message from the core
	 * @param prefix the instance's property prefix, such as {@code migrate}
	 * @return the message with each advised setting named as a property under the prefix
	 */
	static String reword(String message, String prefix) {
		return AdvisedSetting.reword(message, (setting) -> advice(setting, prefix));
	}

	private static String advice(AdvisedSetting setting, String prefix) {
		String property = prefix + "." + MigratorFactory.toKebabCase(setting.javaName());
		return switch (setting) {
			case LOCK_TIMEOUT, DDL_LOCK_TIMEOUT, DDL_LOCK_RETRIES -> "raise " + property;
			case VALIDATE_ON_MIGRATE -> "set " + property + "=false";
			case TRANSACTION_PER_MIGRATION -> "set " + property + "=true";
			case CONNECT_RETRIES -> "set " + property;
			case BASELINE_ON_MIGRATE -> "set " + property + "=true and " + prefix + ".baseline-revision";
			case INIT_SQLS -> "fix or remove it in " + property;
			case PLACEHOLDERS -> "give it a value in " + property + ".<name>";
		};
	}

}
