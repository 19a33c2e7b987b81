package dev.migrate.core.ops;

import java.util.List;
import java.util.Locale;

import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Operation.AlterColumn;
import dev.migrate.core.ops.Operation.DropIndex;
import dev.migrate.core.ops.Operation.RenameTable;

/**
 * MySQL and MariaDB: backquotes, {@code MODIFY COLUMN} restating the whole column, inline comments, and a
 * different {@code DROP} per constraint kind. DDL is not transactional on these engines.
 */
final class MySqlSqlRenderer extends SqlRenderer {

	private final boolean mariadb;

	MySqlSqlRenderer(boolean mariadb) {
		this.mariadb = mariadb;
	}

	@Override
	Engine engine() {
		return this.mariadb ? Engine.MARIADB : Engine.MYSQL;
	}

	@Override
	String type(String type) {
		return switch (type.toLowerCase(Locale.ROOT)) {
			case "timestamptz" -> "timestamp";
			default -> type;
		};
	}

	@Override
	List<String> render(Operation operation, TableSet tables) {
		if (operation instanceof RenameTable op) {
			return List.of("RENAME TABLE " + quote(op.from()) + " TO " + quote(op.to()));
		}
		return super.render(operation, tables);
	}

	@Override
	String columnDefinition(Column column, Table table) {
		StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type(column.type()));
		sql.append(column.nullable() ? " NULL" : " NOT NULL");
		if (column.defaultValue() != null && !column.autoIncrement()) {
			sql.append(" DEFAULT ").append(column.defaultValue());
		}
		if (column.autoIncrement()) {
			sql.append(" AUTO_INCREMENT");
		}
		if (column.comment() != null) {
			sql.append(" COMMENT ").append(literal(column.comment()));
		}
		return sql.toString();
	}

	@Override
	List<String> comment(String table, Column column) {
		return List.of();
	}

	@Override
	List<String> alterColumn(AlterColumn op, TableSet tables) {
		return List.of("ALTER TABLE " + quote(op.table()) + " MODIFY COLUMN " + columnDefinition(op.desired(), null));
	}

	@Override
	String dropIndex(DropIndex op) {
		return "DROP INDEX " + quote(op.name()) + " ON " + quote(op.table());
	}

	@Override
	List<String> dropConstraint(Constraint constraint, TableSet tables) {
		String prefix = "ALTER TABLE " + quote(constraint.table()) + " DROP ";
		if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && this.mariadb) {
			// the index the engine added for the key stays behind otherwise
			return List.of(prefix + "FOREIGN KEY " + quote(named(constraint)),
					prefix + "INDEX IF EXISTS " + quote(named(constraint)));
		}
		return List.of(switch (constraint.kind()) {
			case FOREIGN_KEY -> prefix + "FOREIGN KEY " + quote(named(constraint));
			case UNIQUE -> prefix + "INDEX " + quote(named(constraint));
			case CHECK -> prefix + (this.mariadb ? "CONSTRAINT " : "CHECK ") + quote(named(constraint));
		});
	}

	@Override
	String literal(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
	}

}
