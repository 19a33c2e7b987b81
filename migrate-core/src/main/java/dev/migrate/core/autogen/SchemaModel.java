package dev.migrate.core.autogen;

import java.util.List;
import java.util.Optional;

import dev.migrate.core.ops.Table;

/**
 * A schema as reflected from a database: its tables with columns, keys, constraints and indexes, types
 * normalized ({@code int4} and {@code int(11)} read as {@code integer}).
 *
 * @param engine the engine it was read from ({@code postgresql}, {@code mariadb}, ...)
 * @param tables the tables, sorted by name
 */
public record SchemaModel(String engine, List<Table> tables) {

	public SchemaModel {
		tables = List.copyOf(tables);
	}

	/**
	 * @param name a table name
	 * @return the table, if the schema has it
	 */
	public Optional<Table> table(String name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst();
	}

}
