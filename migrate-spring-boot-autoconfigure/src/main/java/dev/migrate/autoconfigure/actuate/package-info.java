/**
 * The {@code /actuator/migrations} endpoint, its descriptors and its auto-configuration.
 */
@NullMarked
package dev.migrate.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
