package dev.migrate.core.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A table definition: what {@code createTable} creates, and what {@code dropTable} carries so that its inverse can
 * recreate the table.
 *
 * @param name the table name
 * @param columns the columns, in order
 * @param primaryKey the primary key columns, in order (empty for none)
 * @param uniqueConstraints the unique constraints
 * @param indexes the indexes that do not implement a constraint
 * @param foreignKeys the foreign keys
 * @param checkConstraints the check constraints
 */
public record Table(String name, List<Column> columns, List<String> primaryKey,
		List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<ForeignKey> foreignKeys,
		List<CheckConstraint> checkConstraints) {

	public Table {
		Objects.requireNonNull(name, "name");
		columns = List.copyOf(columns);
		primaryKey = List.copyOf(primaryKey);
		uniqueConstraints = List.copyOf(uniqueConstraints);
		indexes = List.copyOf(indexes);
		foreignKeys = List.copyOf(foreignKeys);
		checkConstraints = List.copyOf(checkConstraints);
	}

	/**
	 * A table with columns only; add keys and constraints with the {@code with} methods.
	 * @param name the table name
	 * @param columns the columns
	 * @return the table
	 */
	public static Table of(String name, Column... columns) {
		return new Table(name, List.of(columns), List.of(), List.of(), List.of(), List.of(), List.of());
	}

	/**
	 * @param columnName a column name
	 * @return the column, if the table has it
	 */
	public Optional<Column> column(String columnName) {
		return this.columns.stream().filter((column) -> column.name().equals(columnName)).findFirst();
	}

	/**
	 * @param columnNames the primary key columns
	 * @return a copy with the primary key
	 */
	public Table withPrimaryKey(String... columnNames) {
		return new Table(this.name, this.columns, List.of(columnNames), this.uniqueConstraints, this.indexes,
				this.foreignKeys, this.checkConstraints);
	}

	/**
	 * @param columns the new columns
	 * @return a copy with the columns
	 */
	public Table withColumns(List<Column> columns) {
		return new Table(this.name, columns, this.primaryKey, this.uniqueConstraints, this.indexes, this.foreignKeys,
				this.checkConstraints);
	}

	/**
	 * @param constraint a constraint of this table
	 * @return a copy with the constraint added
	 */
	public Table withConstraint(Constraint constraint) {
		if (constraint instanceof UniqueConstraint unique) {
			return new Table(this.name, this.columns, this.primaryKey, added(this.uniqueConstraints, unique),
					this.indexes, this.foreignKeys, this.checkConstraints);
		}
		if (constraint instanceof ForeignKey foreignKey) {
			return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, this.indexes,
					added(this.foreignKeys, foreignKey), this.checkConstraints);
		}
		return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, this.indexes,
				this.foreignKeys, added(this.checkConstraints, (CheckConstraint) constraint));
	}

	/**
	 * @param index an index of this table
	 * @return a copy with the index added
	 */
	public Table withIndex(Index index) {
		return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, added(this.indexes, index),
				this.foreignKeys, this.checkConstraints);
	}

	/**
	 * @param indexes the indexes
	 * @param uniqueConstraints the unique constraints
	 * @param foreignKeys the foreign keys
	 * @param checkConstraints the check constraints
	 * @return a copy with these indexes and constraints
	 */
	public Table withKeys(List<Index> indexes, List<UniqueConstraint> uniqueConstraints, List<ForeignKey> foreignKeys,
			List<CheckConstraint> checkConstraints) {
		return new Table(this.name, this.columns, this.primaryKey, uniqueConstraints, indexes, foreignKeys,
				checkConstraints);
	}

	/**
	 * @return every constraint except the primary key
	 */
	public List<Constraint> constraints() {
		List<Constraint> all = new ArrayList<>(this.uniqueConstraints);
		all.addAll(this.foreignKeys);
		all.addAll(this.checkConstraints);
		return List.copyOf(all);
	}

	/**
	 * Renames the table, and its name in its indexes and constraints.
	 * @param newName the new name
	 * @return the renamed table
	 */
	public Table renamed(String newName) {
		return new Table(newName, this.columns, this.primaryKey,
				this.uniqueConstraints.stream()
					.map((u) -> new UniqueConstraint(u.name(), newName, u.columns()))
					.toList(),
				this.indexes.stream().map((i) -> new Index(i.name(), newName, i.columns(), i.unique())).toList(),
				this.foreignKeys.stream()
					.map((f) -> new ForeignKey(f.name(), newName, f.columns(),
							f.referencedTable().equals(this.name) ? newName : f.referencedTable(), f.referencedColumns(),
							f.onDelete(), f.onUpdate()))
					.toList(),
				this.checkConstraints.stream()
					.map((c) -> new CheckConstraint(c.name(), newName, c.expression()))
					.toList());
	}

	/**
	 * Renames a column everywhere the table names it (keys, indexes, constraints; check expressions are kept as
	 * written).
	 * @param from the old name
	 * @param to the new name
	 * @return the table with the column renamed
	 */
	public Table withColumnRenamed(String from, String to) {
		UnaryOperator<String> rename = (n) -> n.equals(from) ? to : n;
		return new Table(this.name,
				this.columns.stream().map((c) -> c.name().equals(from) ? c.withName(to) : c).toList(),
				this.primaryKey.stream().map(rename).toList(),
				this.uniqueConstraints.stream()
					.map((u) -> new UniqueConstraint(u.name(), u.table(), u.columns().stream().map(rename).toList()))
					.toList(),
				this.indexes.stream()
					.map((i) -> new Index(i.name(), i.table(), i.columns().stream().map(rename).toList(), i.unique()))
					.toList(),
				this.foreignKeys.stream()
					.map((f) -> new ForeignKey(f.name(), f.table(), f.columns().stream().map(rename).toList(),
							f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate()))
					.toList(),
				this.checkConstraints);
	}

	private static <T> List<T> added(List<T> list, T item) {
		List<T> copy = new ArrayList<>(list);
		copy.add(item);
		return copy;
	}

}
