/**
 * Many tenants migrated by one command: {@link dev.migrate.core.fleet.FleetRunner} runs a {@code Migrator}
 * command for every tenant of a {@link dev.migrate.core.fleet.FleetConfig}, a bounded number at a time, each
 * tenant under its own lock and with its own {@link dev.migrate.core.fleet.TenantResult}.
 *
 * <p>A <em>tenant</em> is a name plus how to reach it: in {@link dev.migrate.core.fleet.TenantMode#SCHEMA schema
 * mode} a schema of the main database that holds the tenant's version and history tables and is the default
 * schema its scripts run in; in {@link dev.migrate.core.fleet.TenantMode#DATABASE database mode} a database of
 * its own, reached through a JDBC URL template. A <em>shard</em> {@code i/n} is the part of the fleet one of
 * {@code n} processes runs.
 */
package dev.migrate.core.fleet;
