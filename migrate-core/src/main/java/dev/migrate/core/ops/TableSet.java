package dev.migrate.core.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.migrate.core.ops.Operation.AddColumn;
import dev.migrate.core.ops.Operation.AlterColumn;
import dev.migrate.core.ops.Operation.CreateCheckConstraint;
import dev.migrate.core.ops.Operation.CreateForeignKey;
import dev.migrate.core.ops.Operation.CreateIndex;
import dev.migrate.core.ops.Operation.CreateTable;
import dev.migrate.core.ops.Operation.CreateUniqueConstraint;
import dev.migrate.core.ops.Operation.DropColumn;
import dev.migrate.core.ops.Operation.DropConstraint;
import dev.migrate.core.ops.Operation.DropIndex;
import dev.migrate.core.ops.Operation.DropTable;
import dev.migrate.core.ops.Operation.RenameColumn;
import dev.migrate.core.ops.Operation.RenameTable;

/**
 * The table definitions as operations change them, so that a renderer that must restate a whole table (a
 * SQLite rebuild) knows the table as it is at that point. Tables it was not told about are simply unknown.
 */
final class TableSet {

	private final Map<String, Table> tables = new LinkedHashMap<>();

	TableSet(Collection<Table> tables) {
		tables.forEach((table) -> this.tables.put(table.name(), table));
	}

	Optional<Table> find(String name) {
		return Optional.ofNullable(this.tables.get(name));
	}

	List<Table> tables() {
		return List.copyOf(this.tables.values());
	}

	void apply(Operation operation) {
		if (operation instanceof CreateTable create) {
			this.tables.put(create.table().name(), create.table());
		}
		else if (operation instanceof DropTable drop) {
			this.tables.remove(drop.table());
		}
		else if (operation instanceof RenameTable rename) {
			Table table = this.tables.remove(rename.from());
			if (table != null) {
				this.tables.put(rename.to(), table.renamed(rename.to()));
			}
			this.tables.replaceAll((name, other) -> other.withKeys(other.indexes(), other.uniqueConstraints(),
					other.foreignKeys().stream().map((fk) -> fk.referencedTable().equals(rename.from())
							? new ForeignKey(fk.name(), fk.table(), fk.columns(), rename.to(), fk.referencedColumns(),
									fk.onDelete(), fk.onUpdate())
							: fk).toList(),
					other.checkConstraints()));
		}
		else {
			String table = tableOf(operation);
			if (table != null && this.tables.containsKey(table)) {
				this.tables.put(table, changed(this.tables.get(table), operation));
			}
			if (operation instanceof RenameColumn rename) {
				UnaryOperator<String> renamed = (n) -> n.equals(rename.from()) ? rename.to() : n;
				this.tables.replaceAll((name, other) -> other.withKeys(other.indexes(), other.uniqueConstraints(),
						other.foreignKeys().stream().map((fk) -> fk.referencedTable().equals(rename.table())
								? new ForeignKey(fk.name(), fk.table(), fk.columns(), fk.referencedTable(),
										fk.referencedColumns().stream().map(renamed).toList(), fk.onDelete(),
										fk.onUpdate())
								: fk).toList(),
						other.checkConstraints()));
			}
		}
	}

	static String tableOf(Operation operation) {
		if (operation instanceof AddColumn op) {
			return op.table();
		}
		if (operation instanceof DropColumn op) {
			return op.table();
		}
		if (operation instanceof AlterColumn op) {
			return op.table();
		}
		if (operation instanceof RenameColumn op) {
			return op.table();
		}
		if (operation instanceof CreateIndex op) {
			return op.index().table();
		}
		if (operation instanceof DropIndex op) {
			return op.table();
		}
		if (operation instanceof CreateForeignKey op) {
			return op.foreignKey().table();
		}
		if (operation instanceof CreateUniqueConstraint op) {
			return op.constraint().table();
		}
		if (operation instanceof CreateCheckConstraint op) {
			return op.constraint().table();
		}
		if (operation instanceof DropConstraint op) {
			return op.constraint().table();
		}
		return null;
	}

	/**
	 * The table after an operation on it.
	 */
	static Table changed(Table table, Operation operation) {
		if (operation instanceof AddColumn op) {
			List<Column> columns = new ArrayList<>(table.columns());
			columns.add(op.column());
			return table.withColumns(columns);
		}
		if (operation instanceof DropColumn op) {
			String column = op.column();
			Table without = table
				.withColumns(table.columns().stream().filter((c) -> !c.name().equals(column)).toList());
			return without.withKeys(
					table.indexes().stream().filter((i) -> !i.columns().contains(column)).toList(),
					table.uniqueConstraints().stream().filter((u) -> !u.columns().contains(column)).toList(),
					table.foreignKeys().stream().filter((f) -> !f.columns().contains(column)).toList(),
					table.checkConstraints());
		}
		if (operation instanceof AlterColumn op) {
			return table.withColumns(table.columns()
				.stream()
				.map((c) -> c.name().equals(op.desired().name()) ? op.desired() : c)
				.toList());
		}
		if (operation instanceof RenameColumn op) {
			return table.withColumnRenamed(op.from(), op.to());
		}
		if (operation instanceof CreateIndex op) {
			return table.withIndex(op.index());
		}
		if (operation instanceof DropIndex op) {
			return table.withKeys(table.indexes().stream().filter((i) -> !i.name().equals(op.name())).toList(),
					table.uniqueConstraints(), table.foreignKeys(), table.checkConstraints());
		}
		if (operation instanceof CreateForeignKey op) {
			return table.withConstraint(op.foreignKey());
		}
		if (operation instanceof CreateUniqueConstraint op) {
			return table.withConstraint(op.constraint());
		}
		if (operation instanceof CreateCheckConstraint op) {
			return table.withConstraint(op.constraint());
		}
		if (operation instanceof DropConstraint op) {
			Constraint dropped = op.constraint();
			return table.withKeys(table.indexes(),
					table.uniqueConstraints().stream().filter((c) -> !same(c, dropped)).toList(),
					table.foreignKeys().stream().filter((c) -> !same(c, dropped)).toList(),
					table.checkConstraints().stream().filter((c) -> !same(c, dropped)).toList());
		}
		return table;
	}

	private static boolean same(Constraint existing, Constraint dropped) {
		if (existing.kind() != dropped.kind()) {
			return false;
		}
		if (existing.name() != null && dropped.name() != null) {
			return existing.name().equalsIgnoreCase(dropped.name());
		}
		return existing.withName(null).equals(dropped.withName(null));
	}

}
