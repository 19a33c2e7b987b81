package dev.migrate.core.autogen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.ops.Column;
import dev.migrate.core.ops.Operation;

/**
 * Where a drop and an add may be one rename: a column dropped from a table that gets a column of the same type,
 * or a table dropped while one with the same columns is created. Autogenerate never guesses a rename (a wrong
 * guess would keep data that should go); it writes a review note naming the hint that would make it a rename.
 */
final class RenameSuspects {

	private RenameSuspects() {
	}

	/**
	 * @param operations the upgrade operations
	 * @return for each operation, the review notes about a possible rename (empty when it is not suspect)
	 */
	static List<List<String>> of(List<Operation> operations) {
		List<List<String>> notes = new ArrayList<>();
		for (Operation operation : operations) {
			List<String> mine = new ArrayList<>();
			for (Operation other : operations) {
				String pair = suspect(operation, other);
				if (pair == null) {
					pair = suspect(other, operation);
				}
				if (pair != null) {
					mine.add(pair);
				}
			}
			notes.add(mine);
		}
		return notes;
	}

	private static String suspect(Operation dropped, Operation added) {
		if (dropped instanceof Operation.DropColumn drop && added instanceof Operation.AddColumn add
				&& drop.table().equalsIgnoreCase(add.table()) && drop.definition() != null
				&& sameType(drop.definition(), add.column())) {
			return "if " + drop.table() + "." + drop.column() + " was renamed to " + add.column().name()
					+ ", this drop and add lose its data: autogenerate again with --rename " + drop.table() + "."
					+ drop.column() + "=" + add.column().name();
		}
		if (dropped instanceof Operation.DropTable drop && added instanceof Operation.CreateTable create
				&& drop.definition() != null && columnsOf(drop.definition().columns())
					.equals(columnsOf(create.table().columns()))) {
			return "if table " + drop.table() + " was renamed to " + create.table().name()
					+ ", this drop and create lose its rows: autogenerate again with --rename " + drop.table() + "="
					+ create.table().name();
		}
		return null;
	}

	private static boolean sameType(Column a, Column b) {
		return TypeNames.normalize(a.type()).equals(TypeNames.normalize(b.type()));
	}

	private static List<String> columnsOf(List<Column> columns) {
		return columns.stream()
			.map((column) -> column.name().toLowerCase(Locale.ROOT) + " " + TypeNames.normalize(column.type()))
			.sorted()
			.toList();
	}

}
