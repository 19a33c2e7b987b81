package dev.migrate.core.lint;

import java.util.List;

/**
 * What one statement does, as far as the rules need to know: the statement reader's output. Every position is
 * the offset of a token in the statement's text, so that a finding can name the line of the clause it is about.
 */
sealed interface Command {

	/** {@code CREATE TABLE}, with its columns (none for {@code CREATE TABLE ... AS}). */
	record CreateTable(String table, List<ColumnDefinition> columns) implements Command {
	}

	/** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table}. */
	record CreateIndex(String name, String table, boolean concurrently, int at) implements Command {
	}

	/** {@code DROP INDEX [CONCURRENTLY] names} ({@code ON table} on MySQL and SQL Server). */
	record DropIndex(List<String> names, String table, boolean concurrently, int at) implements Command {
	}

	/** {@code DROP TABLE names}. */
	record DropTable(List<String> tables, int at) implements Command {
	}

	/** {@code ALTER TABLE table actions}; {@code algorithm} is MySQL's {@code ALGORITHM=} clause, or null. */
	record AlterTable(String table, List<Action> actions, String algorithm) implements Command {
	}

	/** {@code RENAME TABLE a TO b} (MySQL) or {@code sp_rename} (SQL Server). */
	record RenameTable(List<String> tables, int at) implements Command {
	}

	/** {@code TRUNCATE [TABLE] names}. */
	record Truncate(List<String> tables, int at) implements Command {
	}

	/** {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE} or {@code REPLACE}. */
	record DataChange(String verb, String table, boolean filtered, int at) implements Command {
	}

	/** A maintenance statement that locks or rewrites tables. */
	record Maintenance(MaintenanceKind kind, boolean concurrently, int at) implements Command {
	}

	/** Any other DDL statement ({@code CREATE VIEW}, {@code CREATE FUNCTION}, ...). */
	record OtherDdl() implements Command {
	}

	/** A statement no rule looks at. */
	record Other() implements Command {
	}

	/** The maintenance statements rules know. */
	enum MaintenanceKind {

		/** PostgreSQL {@code VACUUM FULL}. */
		VACUUM_FULL,

		/** PostgreSQL {@code CLUSTER}. */
		CLUSTER,

		/** PostgreSQL {@code REINDEX}. */
		REINDEX,

		/** {@code LOCK TABLE} / {@code LOCK TABLES}. */
		LOCK,

		/** MySQL/MariaDB {@code OPTIMIZE TABLE}. */
		OPTIMIZE

	}

	/**
	 * A column as {@code CREATE TABLE}, {@code ADD COLUMN}, {@code MODIFY} or {@code CHANGE} define it.
	 * @param name the column
	 * @param type the type, normalized by {@link ColumnTypes#normalize}
	 * @param notNull whether it is {@code NOT NULL} (or a primary key)
	 * @param hasDefault whether it has a {@code DEFAULT}
	 * @param volatileDefault the volatile function or serial type that fills it, or null
	 * @param storedGenerated whether it is a stored generated column (or an identity/auto-increment one)
	 * @param position {@code FIRST} or {@code AFTER} when a MySQL column is placed, else null
	 * @param at where the definition starts
	 */
	record ColumnDefinition(String name, String type, boolean notNull, boolean hasDefault, String volatileDefault,
			boolean storedGenerated, String position, int at) {
	}

	/** One action of an {@code ALTER TABLE}. */
	sealed interface Action {

		/** Where the action starts in the statement. */
		int at();

	}

	/** {@code ADD [COLUMN]}. */
	record AddColumn(ColumnDefinition column) implements Action {

		@Override
		public int at() {
			return this.column.at();
		}

	}

	/**
	 * {@code ADD [CONSTRAINT name] ...} or a MySQL {@code ADD INDEX}; {@code notNullColumn} is the column of a
	 * {@code CHECK (c IS NOT NULL)}.
	 */
	record AddConstraint(ConstraintKind kind, String name, boolean notValid, boolean usingIndex, String notNullColumn,
			int at) implements Action {
	}

	/** {@code DROP [COLUMN] name}. */
	record DropColumn(String column, int at) implements Action {
	}

	/** MySQL {@code DROP PRIMARY KEY}. */
	record DropPrimaryKey(int at) implements Action {
	}

	/**
	 * A column's type changed: PostgreSQL {@code ALTER COLUMN c TYPE t}, SQL Server {@code ALTER COLUMN c t}, MySQL
	 * {@code MODIFY c ...} or {@code CHANGE old new ...} (which restate the whole definition).
	 */
	record ChangeColumn(String column, String newName, String type, boolean using, String position, int at)
			implements Action {
	}

	/** {@code ALTER COLUMN c SET NOT NULL}. */
	record SetNotNull(String column, int at) implements Action {
	}

	/** {@code RENAME [COLUMN] a TO b}. */
	record RenameColumn(String column, String newName, int at) implements Action {
	}

	/** {@code RENAME TO new}. */
	record RenameTo(String newName, int at) implements Action {
	}

	/** {@code VALIDATE CONSTRAINT name}. */
	record ValidateConstraint(String name, int at) implements Action {
	}

	/** A MySQL clause that rebuilds the table by copying it ({@code CONVERT TO CHARACTER SET}, {@code ENGINE=}...). */
	record CopyingClause(String clause, int at) implements Action {
	}

	/** An action no rule looks at. */
	record OtherAction(int at) implements Action {
	}

	/** The kinds of constraint and index {@code ADD} creates. */
	enum ConstraintKind {

		PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, INDEX, FULLTEXT, SPATIAL

	}

}
