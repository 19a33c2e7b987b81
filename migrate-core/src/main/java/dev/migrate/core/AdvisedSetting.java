package dev.migrate.core;

import java.util.function.Function;

/**
 * A {@link MigrateConfig} setting a message may advise changing. The core words the advice for a Java caller,
 * with the builder's name ({@code raise lockTimeout}); each edge words it where its user is: the command line as a
 * flag, Spring Boot as a {@code migrate.*} property. {@link #reword(String, Function)} swaps one wording for the
 * other, so a Spring user is never told about a builder method and a command-line user never about a property.
 */
public enum AdvisedSetting {

	/** {@link MigrateConfig#lockTimeout()}: how long to wait for another runner's lock. */
	LOCK_TIMEOUT("lockTimeout", "raise lockTimeout"),

	/** {@link MigrateConfig#validateOnMigrate()}: whether an upgrade validates applied scripts first. */
	VALIDATE_ON_MIGRATE("validateOnMigrate", "turn validateOnMigrate off"),

	/** {@link MigrateConfig#transactionPerMigration()}: whether each revision commits on its own. */
	TRANSACTION_PER_MIGRATION("transactionPerMigration", "run with transactionPerMigration=true"),

	/** {@link MigrateConfig#connectRetries()}: how often the first connection is retried. */
	CONNECT_RETRIES("connectRetries", "set connectRetries"),

	/** {@link MigrateConfig#ddlLockTimeout()}: how long a revision's statements wait for a table lock. */
	DDL_LOCK_TIMEOUT("ddlLockTimeout", "raise ddlLockTimeout"),

	/** {@link MigrateConfig#ddlLockRetries()}: how often a revision that timed out on a lock runs again. */
	DDL_LOCK_RETRIES("ddlLockRetries", "raise ddlLockRetries"),

	/**
	 * {@link MigrateConfig#baselineOnMigrate()} with {@link MigrateConfig#baselineRevision()}: whether an upgrade
	 * adopts a database that holds tables but no version table.
	 */
	BASELINE_ON_MIGRATE("baselineOnMigrate", "set baselineOnMigrate and baselineRevision"),

	/** {@link MigrateConfig#initSqls()}: the statements run on every new connection. */
	INIT_SQLS("initSqls", "fix or remove it in initSqls"),

	/** {@link MigrateConfig#placeholders()}: the values of {@code ${name}} in SQL scripts. */
	PLACEHOLDERS("placeholders", "give it a value in placeholders");

	private final String javaName;

	private final String advice;

	AdvisedSetting(String javaName, String advice) {
		this.javaName = javaName;
		this.advice = advice;
	}

	/**
	 * @return the setting's name on {@link MigrateConfig.Builder}, e.g. {@code lockTimeout}
	 */
	public String javaName() {
		return this.javaName;
	}

	/**
	 * @return the advice as core messages word it, e.g. {@code raise lockTimeout}
	 */
	public String advice() {
		return this.advice;
	}

	/**
	 * Rewords the advice a core message gives in an edge's words.
	 * @param message a message from the core (an exception's, or a validation problem)
	 * @param wording the edge's advice for a setting, or {@code null} to keep the core's
	 * @return the message in the edge's words
	 */
	public static String reword(String message, Function<AdvisedSetting, String> wording) {
		if (message == null) {
			return null;
		}
		String reworded = message;
		for (AdvisedSetting setting : values()) {
			if (reworded.contains(setting.advice)) {
				String replacement = wording.apply(setting);
				reworded = reworded.replace(setting.advice, (replacement != null) ? replacement : setting.advice);
			}
		}
		return reworded;
	}

}
