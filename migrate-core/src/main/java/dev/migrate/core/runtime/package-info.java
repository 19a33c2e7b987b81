/**
 * Running migrations: the version and history tables, the per-engine migration lock, planning steps against
 * the database, running them in transactions (or writing them as offline SQL through the same code), and the
 * commands the {@link dev.migrate.core.Migrator} facade exposes; repeatable scripts and SQL callbacks run around the
 * revisions.
 */
package dev.migrate.core.runtime;
