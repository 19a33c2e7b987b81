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
 * @param sequences the sequences that no identity column owns (PostgreSQL, H2, MariaDB), sorted by name
 */
public record SchemaModel(String engine, List<Table> tables, List<Sequence> sequences) {

	public SchemaModel {
		tables = List.copyOf(tables);
		sequences = List.copyOf(sequences);
	}

	/**
	 * A schema without sequences.
	 * @param engine the engine
	 * @param tables the tables
	 */
	public SchemaModel(String engine, List<Table> tables) {
		this(engine, tables, List.of());
	}

	/**
	 * @param name a table name
	 * @return the table, if the schema has it
	 */
	public Optional<Table> table(String name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst();
	}

	/**
	 * A sequence, such as the {@code product_seq} Hibernate uses for {@code @GeneratedValue} ids.
	 *
	 * @param name its name
	 * @param start its first value
	 * @param increment its increment (Hibernate's allocation size, 50 by default)
	 */
	public record Sequence(String name, long start, long increment) {

	}

}
