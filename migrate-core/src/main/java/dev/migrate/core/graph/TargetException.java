package dev.migrate.core.graph;

/**
 * A target (or range) that does not name a valid destination in the graph.
 */
public class TargetException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final String argument;

	/**
	 * @param argument the target as the user wrote it
	 * @param message the user-facing message
	 */
	public TargetException(String argument, String message) {
		super(message);
		this.argument = argument;
	}

	/**
	 * @return the target as the user wrote it
	 */
	public String getArgument() {
		return this.argument;
	}

}
