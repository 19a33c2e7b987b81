package dev.migrate.core;

/**
 * A configuration value is missing or invalid. The message names the setting and the fix.
 */
public class ConfigurationException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	/**
	 * @param setting the setting's name as {@link MigrateConfig.Builder} spells it, e.g. {@code versionTable}
	 * @param message the user-facing message
	 */
	public ConfigurationException(String setting, String message) {
		super(message);
		this.setting = setting;
	}

	/**
	 * @param setting the setting's name as {@link MigrateConfig.Builder} spells it, e.g. {@code initSqls}
	 * @param message the user-facing message
	 * @param cause the underlying failure
	 */
	public ConfigurationException(String setting, String message, Throwable cause) {
		super(message, cause);
		this.setting = setting;
	}

	/**
	 * @return the setting's name as {@link MigrateConfig.Builder} spells it
	 */
	public String getSetting() {
		return this.setting;
	}

}
