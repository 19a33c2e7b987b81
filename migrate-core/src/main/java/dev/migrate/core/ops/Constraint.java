package dev.migrate.core.ops;

/**
 * A named table constraint other than the primary key.
 */
public sealed interface Constraint permits UniqueConstraint, ForeignKey, CheckConstraint {

	/**
	 * @return the constraint name, or {@code null} when the engine names it (SQLite does not expose names)
	 */
	String name();

	/**
	 * @return the table the constraint belongs to
	 */
	String table();

	/**
	 * @return the kind, which decides the SQL that drops it on some engines
	 */
	Kind kind();

	/**
	 * @param name the new name
	 * @return a copy with the name
	 */
	Constraint withName(String name);

	/**
	 * The kinds of constraints.
	 */
	enum Kind {

		/** A unique constraint. */
		UNIQUE,

		/** A foreign key. */
		FOREIGN_KEY,

		/** A check constraint. */
		CHECK

	}

}
