package dev.migrate.core.ops;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint.
 *
 * @param name the name, or {@code null} to let the engine choose
 * @param table the table
 * @param columns the columns, in order
 */
public record UniqueConstraint(String name, String table, List<String> columns) implements Constraint {

	public UniqueConstraint {
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
	}

	@Override
	public Kind kind() {
		return Kind.UNIQUE;
	}

	@Override
	public UniqueConstraint withName(String name) {
		return new UniqueConstraint(name, this.table, this.columns);
	}

}
