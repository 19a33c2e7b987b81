package dev.migrate.core.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Operation.AlterColumn;

/**
 * H2 2.x: standard DDL with {@code SET DATA TYPE}.
 */
final class H2SqlRenderer extends SqlRenderer {

	@Override
	Engine engine() {
		return Engine.H2;
	}

	@Override
	String type(String type) {
		return switch (type.toLowerCase(Locale.ROOT)) {
			case "double" -> "double precision";
			case "datetime" -> "timestamp";
			case "timestamptz" -> "timestamp with time zone";
			case "text" -> "clob";
			default -> type;
		};
	}

	@Override
	List<String> alterColumn(AlterColumn op, TableSet tables) {
		String prefix = "ALTER TABLE " + quote(op.table()) + " ALTER COLUMN " + quote(op.desired().name()) + " ";
		List<String> statements = new ArrayList<>();
		if (typeChanged(op)) {
			statements.add(prefix + "SET DATA TYPE " + type(op.desired().type()));
		}
		if (defaultChanged(op)) {
			statements.add(prefix + ((op.desired().defaultValue() != null)
					? "SET DEFAULT " + op.desired().defaultValue() : "DROP DEFAULT"));
		}
		if (nullabilityChanged(op)) {
			statements.add(prefix + (op.desired().nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
		}
		if (commentChanged(op)) {
			statements.addAll(comment(op.table(), op.desired()));
		}
		return statements;
	}

}
