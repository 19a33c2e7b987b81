package dev.migrate.core.ops;

import java.util.List;
import java.util.Objects;

/**
 * One schema change, as data: rendered to SQL per engine, applied by {@link Operations}, emitted by
 * autogenerate. Each operation that carries enough information produces its inverse with {@link #reverse()}.
 *
 * <p>Over 400 lines because it holds one small record per operation, each with its reverse, as one sealed family.
 */
public sealed interface Operation {

	/**
	 * @return a short description, such as {@code add column users.email}
	 */
	String describe();

	/**
	 * @return whether {@link #reverse()} can derive the inverse
	 */
	default boolean isReversible() {
		return true;
	}

	/**
	 * The operation that undoes this one, for the downgrade.
	 * @return the inverse
	 * @throws IrreversibleOperationException if the operation does not carry what its inverse needs
	 */
	Operation reverse();

	/**
	 * Creates a table with its keys, constraints and indexes.
	 *
	 * @param table the definition
	 */
	record CreateTable(Table table) implements Operation {

		public CreateTable {
			Objects.requireNonNull(table, "table");
		}

		@Override
		public String describe() {
			return "create table " + this.table.name();
		}

		@Override
		public Operation reverse() {
			return new DropTable(this.table.name(), this.table);
		}

	}

	/**
	 * Drops a table.
	 *
	 * @param table the table name
	 * @param definition the dropped table's definition (from reflection), which the inverse recreates, or
	 * {@code null}
	 */
	record DropTable(String table, Table definition) implements Operation {

		public DropTable {
			Objects.requireNonNull(table, "table");
		}

		@Override
		public String describe() {
			return "drop table " + this.table;
		}

		@Override
		public boolean isReversible() {
			return this.definition != null;
		}

		@Override
		public Operation reverse() {
			if (this.definition == null) {
				throw new IrreversibleOperationException(this, "pass the table's definition to dropTable");
			}
			return new CreateTable(this.definition);
		}

	}

	/**
	 * Adds a column.
	 *
	 * @param table the table
	 * @param column the new column
	 */
	record AddColumn(String table, Column column) implements Operation {

		public AddColumn {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(column, "column");
		}

		@Override
		public String describe() {
			return "add column " + this.table + "." + this.column.name();
		}

		@Override
		public Operation reverse() {
			return new DropColumn(this.table, this.column.name(), this.column);
		}

	}

	/**
	 * Drops a column.
	 *
	 * @param table the table
	 * @param column the column name
	 * @param definition the dropped column (from reflection), which the inverse adds back, or {@code null}
	 */
	record DropColumn(String table, String column, Column definition) implements Operation {

		public DropColumn {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(column, "column");
		}

		@Override
		public String describe() {
			return "drop column " + this.table + "." + this.column;
		}

		@Override
		public boolean isReversible() {
			return this.definition != null;
		}

		@Override
		public Operation reverse() {
			if (this.definition == null) {
				throw new IrreversibleOperationException(this, "pass the column's definition to dropColumn");
			}
			return new AddColumn(this.table, this.definition);
		}

	}

	/**
	 * Changes a column's type, nullability, default or comment. Both definitions are carried: MySQL restates the
	 * whole column, SQLite rebuilds the table, and the inverse swaps them.
	 *
	 * @param table the table
	 * @param existing the column as it is, or {@code null} when unknown (then irreversible)
	 * @param desired the column as it should be (same name)
	 */
	record AlterColumn(String table, Column existing, Column desired) implements Operation {

		public AlterColumn {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(desired, "desired");
		}

		@Override
		public String describe() {
			return "alter column " + this.table + "." + this.desired.name();
		}

		@Override
		public boolean isReversible() {
			return this.existing != null;
		}

		@Override
		public Operation reverse() {
			if (this.existing == null) {
				throw new IrreversibleOperationException(this, "pass the existing column definition to alterColumn");
			}
			return new AlterColumn(this.table, this.desired, this.existing);
		}

	}

	/**
	 * Renames a table.
	 *
	 * @param from the current name
	 * @param to the new name
	 */
	record RenameTable(String from, String to) implements Operation {

		public RenameTable {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
		}

		@Override
		public String describe() {
			return "rename table " + this.from + " to " + this.to;
		}

		@Override
		public Operation reverse() {
			return new RenameTable(this.to, this.from);
		}

	}

	/**
	 * Renames a column.
	 *
	 * @param table the table
	 * @param from the current name
	 * @param to the new name
	 */
	record RenameColumn(String table, String from, String to) implements Operation {

		public RenameColumn {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
		}

		@Override
		public String describe() {
			return "rename column " + this.table + "." + this.from + " to " + this.to;
		}

		@Override
		public Operation reverse() {
			return new RenameColumn(this.table, this.to, this.from);
		}

	}

	/**
	 * Creates an index.
	 *
	 * @param index the index
	 */
	record CreateIndex(Index index) implements Operation {

		public CreateIndex {
			Objects.requireNonNull(index, "index");
		}

		@Override
		public String describe() {
			return "create index " + this.index.name() + " on " + this.index.table();
		}

		@Override
		public Operation reverse() {
			return new DropIndex(this.index.table(), this.index.name(), this.index);
		}

	}

	/**
	 * Drops an index.
	 *
	 * @param table the table (MySQL and SQL Server need it)
	 * @param name the index name
	 * @param definition the dropped index, which the inverse recreates, or {@code null}
	 */
	record DropIndex(String table, String name, Index definition) implements Operation {

		public DropIndex {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(name, "name");
		}

		@Override
		public String describe() {
			return "drop index " + this.name + " on " + this.table;
		}

		@Override
		public boolean isReversible() {
			return this.definition != null;
		}

		@Override
		public Operation reverse() {
			if (this.definition == null) {
				throw new IrreversibleOperationException(this, "pass the index definition to dropIndex");
			}
			return new CreateIndex(this.definition);
		}

	}

	/**
	 * Adds a foreign key to an existing table.
	 *
	 * @param foreignKey the foreign key
	 */
	record CreateForeignKey(ForeignKey foreignKey) implements Operation {

		public CreateForeignKey {
			Objects.requireNonNull(foreignKey, "foreignKey");
		}

		@Override
		public String describe() {
			return "create foreign key " + name(this.foreignKey) + " on " + this.foreignKey.table();
		}

		@Override
		public Operation reverse() {
			return new DropConstraint(this.foreignKey);
		}

	}

	/**
	 * Adds a unique constraint to an existing table.
	 *
	 * @param constraint the constraint
	 */
	record CreateUniqueConstraint(UniqueConstraint constraint) implements Operation {

		public CreateUniqueConstraint {
			Objects.requireNonNull(constraint, "constraint");
		}

		@Override
		public String describe() {
			return "create unique constraint " + name(this.constraint) + " on " + this.constraint.table();
		}

		@Override
		public Operation reverse() {
			return new DropConstraint(this.constraint);
		}

	}

	/**
	 * Adds a check constraint to an existing table.
	 *
	 * @param constraint the constraint
	 */
	record CreateCheckConstraint(CheckConstraint constraint) implements Operation {

		public CreateCheckConstraint {
			Objects.requireNonNull(constraint, "constraint");
		}

		@Override
		public String describe() {
			return "create check constraint " + name(this.constraint) + " on " + this.constraint.table();
		}

		@Override
		public Operation reverse() {
			return new DropConstraint(this.constraint);
		}

	}

	/**
	 * Drops a unique, foreign key or check constraint. The definition decides the SQL (MySQL drops each kind
	 * differently) and is what the inverse recreates.
	 *
	 * @param constraint the constraint as it exists
	 */
	record DropConstraint(Constraint constraint) implements Operation {

		public DropConstraint {
			Objects.requireNonNull(constraint, "constraint");
		}

		@Override
		public String describe() {
			return "drop constraint " + name(this.constraint) + " on " + this.constraint.table();
		}

		@Override
		public Operation reverse() {
			if (this.constraint instanceof ForeignKey foreignKey) {
				return new CreateForeignKey(foreignKey);
			}
			if (this.constraint instanceof UniqueConstraint unique) {
				return new CreateUniqueConstraint(unique);
			}
			return new CreateCheckConstraint((CheckConstraint) this.constraint);
		}

	}

	/**
	 * Runs SQL as written.
	 *
	 * @param sql the statement
	 * @param reverseSql the statement that undoes it, or {@code null} when there is none
	 */
	record Execute(String sql, String reverseSql) implements Operation {

		public Execute {
			Objects.requireNonNull(sql, "sql");
		}

		@Override
		public String describe() {
			return "execute " + ((this.sql.length() > 40) ? this.sql.substring(0, 40) + "..." : this.sql);
		}

		@Override
		public boolean isReversible() {
			return this.reverseSql != null;
		}

		@Override
		public Operation reverse() {
			if (this.reverseSql == null) {
				throw new IrreversibleOperationException(this, "pass the statement that undoes it to execute");
			}
			return new Execute(this.reverseSql, this.sql);
		}

	}

	/**
	 * Inserts rows. Values are rendered as SQL literals ({@code null}, numbers, booleans, strings).
	 *
	 * @param table the table
	 * @param columns the columns
	 * @param rows the rows, each with one value per column
	 */
	record BulkInsert(String table, List<String> columns, List<List<Object>> rows) implements Operation {

		public BulkInsert {
			Objects.requireNonNull(table, "table");
			columns = List.copyOf(columns);
			rows = rows.stream().map((row) -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
			for (List<Object> row : rows) {
				if (row.size() != columns.size()) {
					throw new IllegalArgumentException("bulkInsert into " + table + ": a row has " + row.size()
							+ " values for " + columns.size() + " columns " + columns);
				}
			}
		}

		@Override
		public String describe() {
			return "bulk insert " + this.rows.size() + " rows into " + this.table;
		}

		@Override
		public boolean isReversible() {
			return false;
		}

		@Override
		public Operation reverse() {
			throw new IrreversibleOperationException(this, "write the matching delete with execute");
		}

	}

	private static String name(Constraint constraint) {
		return (constraint.name() != null) ? constraint.name() : "(unnamed)";
	}

}
