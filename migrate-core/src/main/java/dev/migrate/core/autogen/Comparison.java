package dev.migrate.core.autogen;

import java.util.List;

import dev.migrate.core.ops.Operation;

/**
 * The difference between a database and a model: the operations in both directions, their SQL for the engine,
 * and what needs review.
 *
 * @param engine the engine
 * @param current the database's schema
 * @param desired the model's schema
 * @param upgrade the operations that turn the database into the model
 * @param downgrade their inverse, in reverse order
 * @param changes one entry per upgrade operation: its description, review notes and statements in both
 * directions
 * @param notGenerated differences autogenerate found but does not write operations for (a changed primary
 * key), to be written by hand
 */
public record Comparison(String engine, SchemaModel current, SchemaModel desired, List<Operation> upgrade,
		List<Operation> downgrade, List<Change> changes, List<String> notGenerated) {

	public Comparison {
		upgrade = List.copyOf(upgrade);
		downgrade = List.copyOf(downgrade);
		changes = List.copyOf(changes);
		notGenerated = List.copyOf(notGenerated);
	}

	/**
	 * @return whether the database differs from the model
	 */
	public boolean hasChanges() {
		return !this.upgrade.isEmpty() || !this.notGenerated.isEmpty();
	}

	/**
	 * @return every upgrade statement, in order
	 */
	public List<String> upgradeSql() {
		return this.changes.stream().flatMap((change) -> change.upgradeSql().stream()).toList();
	}

	/**
	 * @return every downgrade statement, in order (the last change's inverse first)
	 */
	public List<String> downgradeSql() {
		List<String> statements = new java.util.ArrayList<>();
		for (int i = this.changes.size() - 1; i >= 0; i--) {
			statements.addAll(this.changes.get(i).downgradeSql());
		}
		return List.copyOf(statements);
	}

	/**
	 * @return every review note, in order
	 */
	public List<String> warnings() {
		return this.changes.stream().flatMap((change) -> change.warnings().stream()).toList();
	}

	/**
	 * One operation of the upgrade with its SQL.
	 *
	 * @param description what it does, such as {@code add column users.email}
	 * @param warnings what needs review before running it (a narrowing type change, a dropped table's data)
	 * @param upgradeSql its statements
	 * @param downgradeSql the statements of its inverse
	 */
	public record Change(String description, List<String> warnings, List<String> upgradeSql,
			List<String> downgradeSql) {

		public Change {
			warnings = List.copyOf(warnings);
			upgradeSql = List.copyOf(upgradeSql);
			downgradeSql = List.copyOf(downgradeSql);
		}

	}

}
