package dev.migrate.core.script;

/**
 * What a {@code .sql} file in the migration format declares: a revision or a repeatable script.
 */
sealed interface ParsedSqlFile permits SqlMigrationScript, RepeatableScript {

}
