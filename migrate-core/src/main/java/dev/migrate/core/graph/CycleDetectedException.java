package dev.migrate.core.graph;

import java.util.List;

/**
 * Revisions that revise (or depend on) each other in a circle.
 */
public class CycleDetectedException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	private final boolean throughDependencies;

	/**
	 * @param revisions the revisions on the cycle, each revising or depending on the next, the last on the first
	 * @param throughDependencies whether the cycle needs a {@code Depends On} edge ({@code false}: it is made of
	 * {@code Revises} edges only)
	 * @param message the user-facing message
	 */
	public CycleDetectedException(List<String> revisions, boolean throughDependencies, String message) {
		super(message);
		this.revisions = List.copyOf(revisions);
		this.throughDependencies = throughDependencies;
	}

	/**
	 * @return the revisions on the cycle, each revising or depending on the next, the last on the first
	 */
	public List<String> getRevisions() {
		return this.revisions;
	}

	/**
	 * @return whether the cycle needs a {@code Depends On} edge
	 */
	public boolean isThroughDependencies() {
		return this.throughDependencies;
	}

}
