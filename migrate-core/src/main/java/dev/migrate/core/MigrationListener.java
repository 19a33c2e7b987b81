package dev.migrate.core;

/**
 * Hears about each step and each run, for metrics and logs. Every method does nothing by default; a listener
 * that throws does not stop the migration (the failure is logged).
 */
public interface MigrationListener {

	/**
	 * Called before a step runs.
	 * @param command the command, whose {@link CommandKind#verb()} prints as {@code upgrade}, {@code downgrade} or
	 * {@code stamp}
	 * @param revision the revision id
	 */
	default void beforeStep(CommandKind command, String revision) {
	}

	/**
	 * Called after a step committed.
	 * @param step what ran
	 */
	default void afterStep(AppliedRevision step) {
	}

	/**
	 * Called when a step failed, before the exception propagates.
	 * @param command the command
	 * @param revision the revision id
	 * @param failure the failure
	 */
	default void onFailure(CommandKind command, String revision, MigrateException failure) {
	}

	/**
	 * Called after a whole command succeeded.
	 * @param result what it did
	 */
	default void afterRun(MigrationResult result) {
	}

}
