/**
 * Testcontainers support: {@code MigrateConnectionDetails} for {@code @ServiceConnection} JDBC containers.
 */
@NullMarked
package dev.migrate.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
