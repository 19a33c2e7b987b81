package dev.migrate.autoconfigure;

import dev.migrate.core.Migrator;

/**
 * Replaces what happens at startup: when a bean of this type exists, {@link MigrateInitializer} calls it
 * instead of applying {@code migrate.on-startup}.
 */
@FunctionalInterface
public interface MigrateStrategy {

	/**
	 * Runs the startup migration.
	 * @param migrator the engine
	 */
	void migrate(Migrator migrator);

}
