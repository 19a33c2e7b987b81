/**
 * Script loading: {@link dev.migrate.core.script.ScriptDirectory} turns locations ({@code classpath:} or
 * {@code filesystem:}) into {@link dev.migrate.core.script.MigrationScript}s: SQL files in the migration format
 * (a {@code --} header, then {@code -- migrate:upgrade} and {@code -- migrate:downgrade} sections, optionally per
 * engine) and {@link dev.migrate.core.script.JavaMigration} classes annotated with
 * {@link dev.migrate.core.script.Migration}; beside them {@link dev.migrate.core.script.RepeatableScript}s
 * ({@code -- Repeatable: <name>}) and {@link dev.migrate.core.script.CallbackScript}s (files named after a
 * {@link dev.migrate.core.script.CallbackEvent}), which are not revisions. {@link dev.migrate.core.script.StatementSplitter} splits a section
 * into {@link dev.migrate.core.script.SqlStatement}s per {@link dev.migrate.core.script.SqlSyntax}; checksums are
 * SHA-256 over the normalized file. Depends on {@code dev.migrate.core.graph} only for
 * {@link dev.migrate.core.graph.Revision}.
 */
package dev.migrate.core.script;
