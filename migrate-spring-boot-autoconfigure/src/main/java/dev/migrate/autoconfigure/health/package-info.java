/**
 * The {@code migrations} health indicator and its auto-configuration.
 */
@NullMarked
package dev.migrate.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
