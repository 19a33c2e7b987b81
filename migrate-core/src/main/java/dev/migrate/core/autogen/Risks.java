package dev.migrate.core.autogen;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Column;
import dev.migrate.core.ops.Operation;

/**
 * What a reviewer should look at before running an operation: changes that can lose data or fail on existing
 * rows.
 */
final class Risks {

	private Risks() {
	}

	static List<String> of(Operation operation, Engine engine) {
		List<String> risks = new ArrayList<>();
		if (operation instanceof Operation.DropTable drop) {
			risks.add("drops table " + drop.table() + " and all of its rows; the downgrade recreates the table empty");
		}
		else if (operation instanceof Operation.DropColumn drop) {
			risks.add("drops column " + drop.table() + "." + drop.column()
					+ " and its data; the downgrade adds it back empty");
		}
		else if (operation instanceof Operation.AddColumn add) {
			Column column = add.column();
			if (!column.nullable() && column.defaultValue() == null && !column.autoIncrement()) {
				risks.add("adds NOT NULL column " + add.table() + "." + column.name()
						+ " without a default: fails if the table has rows; add a default or fill it in steps");
			}
		}
		else if (operation instanceof Operation.AlterColumn alter && alter.existing() != null) {
			Column from = alter.existing();
			Column to = alter.desired();
			String column = alter.table() + "." + to.name();
			if (TypeNames.narrows(from.type(), to.type())) {
				risks.add("changes " + column + " from " + from.type() + " to " + to.type()
						+ ", which may truncate or reject existing values");
			}
			if (from.nullable() && !to.nullable()) {
				risks.add("makes " + column + " NOT NULL: fails if existing rows hold NULL; update them first");
			}
			if (engine == Engine.SQLITE) {
				risks.add("SQLite rebuilds table " + alter.table()
						+ " (create, copy rows, drop, rename); run with foreign_keys off");
			}
		}
		else if (operation instanceof Operation.CreateUniqueConstraint unique) {
			risks.add("adds a unique constraint on " + unique.constraint().table() + " "
					+ unique.constraint().columns() + ": fails if existing rows hold duplicates");
		}
		else if (operation instanceof Operation.CreateCheckConstraint check) {
			risks.add("adds a check constraint on " + check.constraint().table()
					+ ": fails if existing rows violate it");
		}
		return risks;
	}

}
