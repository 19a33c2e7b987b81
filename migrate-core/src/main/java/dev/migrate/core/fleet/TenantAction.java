package dev.migrate.core.fleet;

import dev.migrate.core.Migrator;

/**
 * A command run for each tenant, through the tenant's own {@link Migrator}. Throwing fails the tenant (with the
 * exception's first line as its error), not the fleet.
 */
@FunctionalInterface
public interface TenantAction {

	/**
	 * @param migrator the tenant's migrator
	 * @return what the command did for the tenant
	 */
	TenantOutcome run(Migrator migrator);

}
