package dev.migrate.core.ops;

import java.util.List;
import java.util.Objects;

/**
 * An index that is not the implementation of a constraint.
 *
 * @param name the index name
 * @param table the table
 * @param columns the columns, in order
 * @param unique whether the index is unique
 */
public record Index(String name, String table, List<String> columns, boolean unique) {

	public Index {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
	}

}
