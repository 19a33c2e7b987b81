package dev.migrate.core.graph;

import java.util.List;

/**
 * A revision id, prefix or branch label that names no revision, or more than one.
 */
public class ResolutionException extends TargetException {

	private static final long serialVersionUID = 1L;

	private final List<String> candidates;

	/**
	 * @param argument the id, prefix or label as written
	 * @param candidates the revisions an ambiguous prefix matches (empty when nothing matched)
	 * @param message the user-facing message
	 */
	public ResolutionException(String argument, List<String> candidates, String message) {
		super(argument, message);
		this.candidates = List.copyOf(candidates);
	}

	/**
	 * @return the revisions an ambiguous prefix matches, sorted (empty when nothing matched)
	 */
	public List<String> getCandidates() {
		return this.candidates;
	}

}
