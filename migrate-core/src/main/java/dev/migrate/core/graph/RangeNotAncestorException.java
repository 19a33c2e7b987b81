package dev.migrate.core.graph;

/**
 * The lower end of a range (or a downgrade target) is not below the upper end (or the current revisions).
 */
public class RangeNotAncestorException extends TargetException {

	private static final long serialVersionUID = 1L;

	private final String lower;

	private final String upper;

	/**
	 * @param argument the target or range as written
	 * @param lower the lower end as resolved
	 * @param upper the upper end as resolved (revision ids, comma-separated)
	 * @param message the user-facing message
	 */
	public RangeNotAncestorException(String argument, String lower, String upper, String message) {
		super(argument, message);
		this.lower = lower;
		this.upper = upper;
	}

	/**
	 * @return the lower end as resolved
	 */
	public String getLower() {
		return this.lower;
	}

	/**
	 * @return the upper end as resolved (revision ids, comma-separated)
	 */
	public String getUpper() {
		return this.upper;
	}

}
