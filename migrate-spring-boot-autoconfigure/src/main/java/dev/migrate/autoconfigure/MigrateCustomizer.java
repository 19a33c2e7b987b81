package dev.migrate.autoconfigure;

import dev.migrate.core.MigrateConfig;

/**
 * Adjusts the configuration of each auto-configured {@link dev.migrate.core.Migrator} after the
 * {@code migrate.*} properties were applied. Customizer beans run in {@link org.springframework.core.Ordered
 * order}.
 */
@FunctionalInterface
public interface MigrateCustomizer {

	/**
	 * Customizes the configuration before it is built.
	 * @param builder the builder, with properties, Java migrations and listeners already applied
	 */
	void customize(MigrateConfig.Builder builder);

}
