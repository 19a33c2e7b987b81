package dev.migrate.core;

/**
 * The version table did not hold what the runner expected, for example an update matched no row because
 * something else changed the table. Nothing of the step was committed.
 */
public class VersionTableException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String table;

	/**
	 * @param message the user-facing message
	 * @param table the version table's name
	 */
	public VersionTableException(String message, String table) {
		super(message);
		this.table = table;
	}

	/** @return the version table's name */
	public String getTable() {
		return this.table;
	}

}
