package dev.migrate.core.autogen;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migrate.core.ops.Table;

/**
 * A schema as reflected from a database: its tables with columns, keys, constraints and indexes, types
 * normalized ({@code int4} and {@code int(11)} read as {@code integer}), and its views and sequences. Autogenerate
 * compares the tables; the stairway check of {@code migrate test} compares everything.
 *
 * @param engine the engine it was read from ({@code postgresql}, {@code mariadb}, ...)
 * @param tables the tables, sorted by name
 * @param views the views, sorted by name
 * @param sequences the sequences the schema declares (not those an identity or serial column owns), sorted by name
 */
public record SchemaModel(String engine, List<Table> tables, List<View> views, List<Sequence> sequences) {

	public SchemaModel {
		tables = List.copyOf(tables);
		views = List.copyOf(views);
		sequences = List.copyOf(sequences);
	}

	/**
	 * A schema of tables only.
	 * @param engine the engine it was read from
	 * @param tables the tables, sorted by name
	 */
	public SchemaModel(String engine, List<Table> tables) {
		this(engine, tables, List.of(), List.of());
	}

	/**
	 * @param name a table name
	 * @return the table, if the schema has it
	 */
	public Optional<Table> table(String name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst();
	}

	/**
	 * @return whether the schema has no table, view or sequence
	 */
	public boolean isEmpty() {
		return this.tables.isEmpty() && this.views.isEmpty() && this.sequences.isEmpty();
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

	/**
	 * A sequence; its current value is data, not schema, and is left out.
	 *
	 * @param name the sequence name
	 * @param start its start value, or {@code null} when the engine does not say
	 * @param increment its increment, or {@code null} when the engine does not say
	 */
	public record Sequence(String name, Long start, Long increment) {

		public Sequence {
			Objects.requireNonNull(name, "name");
		}

	}

}
