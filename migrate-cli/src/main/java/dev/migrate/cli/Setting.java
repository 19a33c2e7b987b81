package dev.migrate.cli;

/**
 * One configuration value and where it came from, so messages can name the place to fix.
 *
 * @param name the setting's name as {@code migrate.properties} spells it without the prefix, e.g. {@code url}
 * @param value the value, or {@code null} when unset
 * @param source where it came from: a flag such as {@code --url}, a variable such as {@code MIGRATE_URL},
 * {@code migrate.url in /app/migrate.properties}, or {@code default}
 */
record Setting(String name, String value, String source) {

	/**
	 * @return whether a value is set
	 */
	boolean isSet() {
		return this.value != null;
	}

}
