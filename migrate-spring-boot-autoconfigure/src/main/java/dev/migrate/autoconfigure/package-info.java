/**
 * Spring Boot auto-configuration for migrate: the engine bean, {@code migrate.*} properties, the DataSource
 * choice, the startup initializer, extension points and failure analysis.
 */
@NullMarked
package dev.migrate.autoconfigure;

import org.jspecify.annotations.NullMarked;
