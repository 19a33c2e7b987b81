package dev.migrate.core.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Operation.AlterColumn;

/**
 * PostgreSQL: standard DDL, one {@code ALTER COLUMN} clause per change, casting on type changes.
 */
final class PostgresSqlRenderer extends SqlRenderer {

	@Override
	Engine engine() {
		return Engine.POSTGRESQL;
	}

	@Override
	String type(String type) {
		return switch (type.toLowerCase(Locale.ROOT)) {
			case "double" -> "double precision";
			case "blob" -> "bytea";
			case "datetime" -> "timestamp";
			default -> type;
		};
	}

	@Override
	List<String> alterColumn(AlterColumn op, TableSet tables) {
		String prefix = "ALTER TABLE " + quote(op.table()) + " ALTER COLUMN " + quote(op.desired().name()) + " ";
		List<String> statements = new ArrayList<>();
		boolean defaultChanged = defaultChanged(op);
		if (defaultChanged && op.existing() != null && op.existing().defaultValue() != null) {
			statements.add(prefix + "DROP DEFAULT");
		}
		if (op.existing() != null && op.existing().autoIncrement() && !op.desired().autoIncrement()) {
			statements.add(prefix + "DROP IDENTITY IF EXISTS");
		}
		if (typeChanged(op)) {
			String type = type(op.desired().type());
			statements.add(prefix + "TYPE " + type + " USING " + quote(op.desired().name()) + "::" + type);
		}
		if (defaultChanged && op.desired().defaultValue() != null) {
			statements.add(prefix + "SET DEFAULT " + op.desired().defaultValue());
		}
		if (nullabilityChanged(op)) {
			statements.add(prefix + (op.desired().nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
		}
		if (op.desired().autoIncrement() && (op.existing() == null || !op.existing().autoIncrement())) {
			statements.add(prefix + "ADD " + identity());
		}
		if (commentChanged(op)) {
			statements.addAll(comment(op.table(), op.desired()));
		}
		return statements;
	}

}
