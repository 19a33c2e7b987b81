/**
 * The {@code migrate} command line: {@link dev.migrate.cli.MigrateCommand} and one class per subcommand,
 * built on picocli and the {@code dev.migrate.core} facade only. Configuration comes from flags, then
 * {@code MIGRATE_*} environment variables, then {@code migrate.properties}.
 */
package dev.migrate.cli;
