package dev.migrate.core.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Operation.AddColumn;
import dev.migrate.core.ops.Operation.AlterColumn;
import dev.migrate.core.ops.Operation.DropColumn;

/**
 * SQLite: what its {@code ALTER TABLE} cannot express (changing a column, adding or dropping a constraint,
 * adding a {@code NOT NULL} column without default, dropping a column an index or key uses) becomes a table
 * rebuild, as Alembic's batch mode does: create the new table under a temporary name, copy the rows, drop the
 * old table, rename the new one, recreate the indexes. The statements run in the revision's transaction; run
 * with {@code PRAGMA foreign_keys=OFF} (the driver's default) so that dropping the old table does not touch
 * rows that reference it.
 */
final class SqliteSqlRenderer extends SqlRenderer {

	static final String TEMPORARY_PREFIX = "_migrate_tmp_";

	@Override
	Engine engine() {
		return Engine.SQLITE;
	}

	@Override
	boolean inlinePrimaryKey(Table table) {
		return table.columns().stream().anyMatch(Column::autoIncrement);
	}

	@Override
	String columnDefinition(Column column, Table table) {
		if (column.autoIncrement()) {
			return quote(column.name()) + " INTEGER PRIMARY KEY AUTOINCREMENT";
		}
		return super.columnDefinition(column, table);
	}

	@Override
	List<String> comment(String table, Column column) {
		return List.of();
	}

	@Override
	List<String> addColumn(AddColumn op, TableSet tables) {
		Column column = op.column();
		if (!column.nullable() && column.defaultValue() == null || column.autoIncrement()) {
			return rebuild(op, tables);
		}
		return super.addColumn(op, tables);
	}

	@Override
	List<String> dropColumn(DropColumn op, TableSet tables) {
		Table table = tables.find(op.table()).orElse(null);
		if (table == null || !usedByKeys(table, op.column())) {
			return super.dropColumn(op, tables);
		}
		return rebuild(op, tables);
	}

	private static boolean usedByKeys(Table table, String column) {
		return table.primaryKey().contains(column)
				|| table.indexes().stream().anyMatch((i) -> i.columns().contains(column))
				|| table.uniqueConstraints().stream().anyMatch((u) -> u.columns().contains(column))
				|| table.foreignKeys().stream().anyMatch((f) -> f.columns().contains(column))
				|| table.checkConstraints().stream().anyMatch((c) -> c.expression().contains(column))
				|| table.columns().stream().anyMatch((c) -> c.name().equals(column) && c.autoIncrement());
	}

	@Override
	List<String> alterColumn(AlterColumn op, TableSet tables) {
		return rebuild(op, tables);
	}

	@Override
	List<String> addConstraint(Constraint constraint, TableSet tables) {
		Operation op = (constraint instanceof ForeignKey fk) ? new Operation.CreateForeignKey(fk)
				: (constraint instanceof UniqueConstraint u) ? new Operation.CreateUniqueConstraint(u)
						: new Operation.CreateCheckConstraint((CheckConstraint) constraint);
		return rebuild(op, tables);
	}

	@Override
	List<String> dropConstraint(Constraint constraint, TableSet tables) {
		return rebuild(new Operation.DropConstraint(constraint), tables);
	}

	@Override
	String value(Object value) {
		if (value instanceof Boolean bool) {
			return bool ? "1" : "0";
		}
		return super.value(value);
	}

	/**
	 * The statements that rebuild the operation's table with the operation applied.
	 */
	private List<String> rebuild(Operation op, TableSet tables) {
		String name = TableSet.tableOf(op);
		Table before = tables.find(name)
			.orElseThrow(() -> new MigrateException("SQLite cannot " + op.describe() + " with ALTER TABLE, and the "
					+ "rebuild that replaces it needs the definition of table '" + name + "', which is unknown here; "
					+ "create the Operations with a table lookup, or run the change through autogenerate"));
		Table after = TableSet.changed(before, op);
		String temporary = TEMPORARY_PREFIX + name;
		List<String> statements = new ArrayList<>();
		List<String> created = createTable(after, temporary);
		statements.add(created.get(0));
		List<String> copied = after.columns()
			.stream()
			.map(Column::name)
			.filter((column) -> before.column(column).isPresent())
			.toList();
		String columns = copied.stream().map(this::quote).collect(Collectors.joining(", "));
		statements.add("INSERT INTO " + quote(temporary) + " (" + columns + ") SELECT " + columns + " FROM "
				+ quote(name));
		statements.add("DROP TABLE " + quote(name));
		statements.add("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(name));
		for (Index index : after.indexes()) {
			statements.add(createIndex(index));
		}
		return statements;
	}

}
