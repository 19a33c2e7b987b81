/**
 * The public face of migrate: the {@code Migrator} facade, its configuration, result records and the
 * {@link dev.migrate.core.MigrateException} hierarchy.
 */
package dev.migrate.core;
