package dev.migrate.core.ops;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name the name, or {@code null} to let the engine choose
 * @param table the table
 * @param expression the boolean SQL expression, without the {@code CHECK} keyword
 */
public record CheckConstraint(String name, String table, String expression) implements Constraint {

	public CheckConstraint {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(expression, "expression");
	}

	@Override
	public Kind kind() {
		return Kind.CHECK;
	}

	@Override
	public CheckConstraint withName(String name) {
		return new CheckConstraint(name, this.table, this.expression);
	}

}
