package dev.migrate.core.script;

/**
 * A migration written in Java. Implementations carry their revision metadata in a {@link Migration}
 * annotation, and are found by scanning the package a {@code classpath:} location names, or registered
 * explicitly (the Spring starter passes beans).
 */
public interface JavaMigration {

	/**
	 * Applies the revision.
	 * @param context the connection, dialect and helpers
	 * @throws Exception on failure; the runner reports it with the revision and rolls back where it can
	 */
	void upgrade(MigrationContext context) throws Exception;

	/**
	 * Reverts the revision. The default is irreversible: a plan that would run it is refused before anything
	 * runs.
	 * @param context the connection, dialect and helpers
	 * @throws Exception on failure
	 */
	default void downgrade(MigrationContext context) throws Exception {
		throw new UnsupportedOperationException("irreversible");
	}

	/**
	 * Whether {@link #downgrade} is implemented. Override together with it.
	 * @return {@code false} by default
	 */
	default boolean isReversible() {
		return false;
	}

}
