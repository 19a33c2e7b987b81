package dev.migrate.core.ops;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name the name, or {@code null} to let the engine choose
 * @param table the referencing table
 * @param columns the referencing columns, in order
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, in order
 * @param onDelete the delete action ({@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT}),
 * or {@code null} for {@code NO ACTION}
 * @param onUpdate the update action, or {@code null} for {@code NO ACTION}
 */
public record ForeignKey(String name, String table, List<String> columns, String referencedTable,
		List<String> referencedColumns, String onDelete, String onUpdate) implements Constraint {

	public ForeignKey {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(referencedTable, "referencedTable");
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
		onDelete = action(onDelete);
		onUpdate = action(onUpdate);
	}

	private static String action(String action) {
		if (action == null || action.isBlank()) {
			return null;
		}
		String upper = action.trim().toUpperCase(java.util.Locale.ROOT).replace('_', ' ');
		return upper.equals("NO ACTION") ? null : upper;
	}

	@Override
	public Kind kind() {
		return Kind.FOREIGN_KEY;
	}

	@Override
	public ForeignKey withName(String name) {
		return new ForeignKey(name, this.table, this.columns, this.referencedTable, this.referencedColumns,
				this.onDelete, this.onUpdate);
	}

}
