package dev.migrate.cli;

import dev.migrate.core.AdvisedSetting;

/**
 * Words the fixes core messages advise as what the command line offers: a flag of the command that failed,
 * never a builder method or a Spring property.
 */
final class Advice {

	private Advice() {
	}

	/**
	 * @param message a message from the core
	 * @return the message with each advised setting named as a flag
	 */
	static String reword(String message) {
		return AdvisedSetting.reword(message, Advice::flag);
	}

	private static String flag(AdvisedSetting setting) {
		return switch (setting) {
			case LOCK_TIMEOUT -> "pass a longer --lock-timeout";
			case VALIDATE_ON_MIGRATE -> "pass --no-validate";
			// Also given when one revision alone holds too many locks, so not only the flag.
			case TRANSACTION_PER_MIGRATION -> "leave out --one-transaction (or split the revision into smaller ones)";
			case CONNECT_RETRIES -> "pass --connect-retries N";
			case DDL_LOCK_TIMEOUT -> "pass a longer --ddl-lock-timeout";
			case DDL_LOCK_RETRIES -> "pass more --ddl-lock-retries";
			case BASELINE_ON_MIGRATE -> "pass --baseline REVISION to upgrade";
			case INIT_SQLS -> "fix or remove its --init-sql";
			case PLACEHOLDERS -> "give it a value with --placeholder NAME=VALUE";
		};
	}

}
