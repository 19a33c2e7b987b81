package dev.migrate.core.graph;

/**
 * A relative target ({@code +N}, {@code -N}, {@code rev+N}, {@code head-N}, ...) that walks past a head or past
 * base, that is ambiguous, or that moves in the wrong direction for the command.
 */
public class RelativeTargetException extends TargetException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param argument the target as written
	 * @param message the user-facing message
	 */
	public RelativeTargetException(String argument, String message) {
		super(argument, message);
	}

}
