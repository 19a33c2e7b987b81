package dev.migrate.core.fleet;

import java.util.regex.Pattern;

import dev.migrate.core.ConfigurationException;

/**
 * One tenant, by name. The name becomes a schema name, a database name or part of a file name, so it is a
 * plain identifier: a letter or underscore, then letters, digits or underscores, at most 63 characters.
 *
 * @param name the tenant's name
 */
public record Tenant(String name) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/**
	 * @throws ConfigurationException (setting {@code tenants}) when the name is not a plain identifier
	 */
	public Tenant {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new ConfigurationException("tenants", "Tenant name '" + name + "' is not valid: a tenant name "
					+ "becomes a schema, database or file name, so use a letter or underscore, then letters, digits "
					+ "or underscores (at most 63)");
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
