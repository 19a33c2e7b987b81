/**
 * The public face of migrate: the {@code Migrator} facade, its configuration, result records, the
 * {@link dev.migrate.core.MigrateException} hierarchy, and {@code JdbcUrls}, the one place that masks JDBC URLs for
 * output.
 */
package dev.migrate.core;
