package dev.migrate.core;

/**
 * No connection could be opened, after {@code connectRetries} retries. The message names the masked URL.
 */
public class DatabaseConnectionException extends MigrateException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message the user-facing message, never with a password
	 * @param cause the driver's last failure
	 */
	public DatabaseConnectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
