package dev.migrate.core.autogen;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migrate.core.ops.Table;

/**
 * A schema as reflected from a database: its tables with columns, keys, constraints and indexes, types
 * normalized ({@code int4} and {@code int(11)} read as {@code integer}), its sequences and its views.
 * Autogenerate compares tables and sequences; the stairway check of {@code migrate test} compares views too.
 *
 * @param engine the engine it was read from ({@code postgresql}, {@code mariadb}, ...)
 * @param tables the tables, sorted by name
 * @param sequences the sequences that no identity column owns (PostgreSQL, H2, MariaDB), sorted by name
 * @param views the views, sorted by name
 */
public record SchemaModel(String engine, List<Table> tables, List<Sequence> sequences, List<View> views) {

	public SchemaModel {
		tables = List.copyOf(tables);
		sequences = List.copyOf(sequences);
		views = List.copyOf(views);
	}

	/**
	 * A schema without views.
	 * @param engine the engine
	 * @param tables the tables
	 * @param sequences the sequences
	 */
	public SchemaModel(String engine, List<Table> tables, List<Sequence> sequences) {
		this(engine, tables, sequences, List.of());
	}

	/**
	 * A schema without sequences or views.
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
	 * @return whether the schema has no table, sequence or view
	 */
	public boolean isEmpty() {
		return this.tables.isEmpty() && this.sequences.isEmpty() && this.views.isEmpty();
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

	/**
	 * A view, with its query as the database reports it.
	 *
	 * @param name the view name
	 * @param definition the {@code SELECT} it stands for
	 */
	public record View(String name, String definition) {

		public View {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(definition, "definition");
		}

	}

}
