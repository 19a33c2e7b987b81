package dev.migrate.core.script;

import java.util.Locale;

import dev.migrate.core.ConfigurationException;

/**
 * A configured location: {@code classpath:db/migrations} (the default kind when there is no prefix) or
 * {@code filesystem:/path/to/migrations}.
 *
 * @param classpath whether the location is on the classpath
 * @param path the resource path without leading or trailing slashes ({@code classpath:}), or the file system
 * path as written ({@code filesystem:})
 * @param text the location as configured, for messages
 */
record ScriptLocation(boolean classpath, String path, String text) {

	static final String CLASSPATH = "classpath:";

	static final String FILESYSTEM = "filesystem:";

	static ScriptLocation parse(String text) {
		if (text == null || text.isBlank()) {
			throw new ConfigurationException("locations", "A script location is empty; use 'classpath:<path>' or"
					+ " 'filesystem:<path>'");
		}
		String trimmed = text.trim();
		String lower = trimmed.toLowerCase(Locale.ROOT);
		if (lower.startsWith(CLASSPATH)) {
			String path = trimmed.substring(CLASSPATH.length()).replace('\\', '/');
			while (path.startsWith("/")) {
				path = path.substring(1);
			}
			while (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			if (path.isEmpty()) {
				throw new ConfigurationException("locations", "Location '" + trimmed + "' names the classpath root,"
						+ " which would scan every class; name a folder, e.g. " + CLASSPATH + "db/migrations");
			}
			return new ScriptLocation(true, path, trimmed);
		}
		if (lower.startsWith(FILESYSTEM)) {
			String path = trimmed.substring(FILESYSTEM.length());
			if (path.isEmpty()) {
				throw new ConfigurationException("locations", "Location '" + trimmed + "' names no directory; use"
						+ " 'filesystem:<path>'");
			}
			return new ScriptLocation(false, path, trimmed);
		}
		int colon = trimmed.indexOf(':');
		if (colon > 1) {
			throw new ConfigurationException("locations", "Location '" + trimmed + "' has an unknown prefix '"
					+ trimmed.substring(0, colon + 1) + "'; use 'classpath:' or 'filesystem:'");
		}
		return parse(CLASSPATH + trimmed);
	}

	/**
	 * The Java package a classpath location names, e.g. {@code db.migrations}.
	 */
	String packageName() {
		return this.path.replace('/', '.');
	}

}
