package dev.migrate.autoconfigure;

import dev.migrate.core.MigrateException;

/**
 * The startup upgrade of one engine failed: says which engine ({@code migrate} or {@code migrate.instances.<name>})
 * and carries the core's failure as its cause, so that the failure analysis names that engine's properties.
 */
public class MigrateStartupException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String engine;

	/**
	 * @param engine the engine's property prefix ({@code migrate} or {@code migrate.instances.<name>})
	 * @param message the user-facing message, naming the engine and its database
	 * @param failure what failed
	 */
	public MigrateStartupException(String engine, String message, MigrateException failure) {
		super(message, failure);
		this.engine = engine;
	}

	/**
	 * @return the engine's property prefix
	 */
	public String getEngine() {
		return this.engine;
	}

	/**
	 * @return what failed, as the core reported it
	 */
	public MigrateException getFailure() {
		return (MigrateException) getCause();
	}

}
