/**
 * Script loading: {@link dev.migrate.core.script.ScriptDirectory} turns locations ({@code classpath:} or
 * {@code filesystem:}) into {@link dev.migrate.core.script.MigrationScript}s: SQL files in the migration format
 * (a {@code --} header, then {@code -- migrate:upgrade} and {@code -- migrate:downgrade} sections, optionally per
 * engine) and {@link dev.migrate.core.script.JavaMigration} classes annotated with
 * {@link dev.migrate.core.script.Migration}. {@link dev.migrate.core.script.StatementSplitter} splits a section
 * into {@link dev.migrate.core.script.SqlStatement}s per {@link dev.migrate.core.script.SqlSyntax}; checksums are
 * SHA-256 over the normalized file. Depends on {@code dev.migrate.core.graph} only for
 * {@link dev.migrate.core.graph.Revision}.
 */
package dev.migrate.core.script;
