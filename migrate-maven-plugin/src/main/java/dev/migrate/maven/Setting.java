package dev.migrate.maven;

/**
 * One resolved configuration value and where it came from, so the debug output and messages can name the place to fix.
 *
 * @param value the value, or {@code null} when unset
 * @param source where it came from, such as {@code migrate.url} or {@code spring.datasource.url in
 * src/main/resources/application.properties}
 */
record Setting(String value, String source) {

	static final Setting UNSET = new Setting(null, "not set");

	boolean isSet() {
		return this.value != null;
	}

}
