/**
 * Script loading: locations to scripts, the SQL file format, statement splitting, checksums and the
 * {@link dev.migrate.core.script.JavaMigration} SPI.
 */
package dev.migrate.core.script;
