package dev.migrate.core;

/**
 * Base of every error migrate reports. Messages say where (file and line, revision, property), what was
 * expected and what was found, and the fix; subclasses carry the same facts as fields.
 */
public class MigrateException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message the user-facing message
	 */
	public MigrateException(String message) {
		super(message);
	}

	/**
	 * @param message the user-facing message
	 * @param cause the underlying failure
	 */
	public MigrateException(String message, Throwable cause) {
		super(message, cause);
	}

}
