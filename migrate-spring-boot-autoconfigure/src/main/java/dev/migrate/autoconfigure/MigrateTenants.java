package dev.migrate.autoconfigure;

import java.util.List;

/**
 * Names the tenants to migrate, for an application that knows them in code: a bean of this type makes
 * migrate migrate every tenant at startup (in {@code migrate.tenants.mode}) instead of the DataSource's
 * database alone. It wins over {@code migrate.tenants.names} and {@code migrate.tenants.query}.
 */
@FunctionalInterface
public interface MigrateTenants {

	/**
	 * @return the tenants' names, each a plain identifier (it becomes a schema, database or file name)
	 */
	List<String> tenants();

}
