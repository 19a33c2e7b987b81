package dev.migrate.core.graph;

import java.util.List;

/**
 * {@code head} (or {@code label@head}) was asked for where there are several heads.
 */
public class MultipleHeadsException extends TargetException {

	private static final long serialVersionUID = 1L;

	private final List<String> heads;

	/**
	 * @param argument the target as written
	 * @param heads the heads it matches
	 * @param message the user-facing message
	 */
	public MultipleHeadsException(String argument, List<String> heads, String message) {
		super(argument, message);
		this.heads = List.copyOf(heads);
	}

	/**
	 * @return the heads the target matches, sorted
	 */
	public List<String> getHeads() {
		return this.heads;
	}

}
