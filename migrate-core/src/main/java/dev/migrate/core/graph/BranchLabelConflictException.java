package dev.migrate.core.graph;

/**
 * A branch label that cannot be told apart from a revision id or a keyword of the target grammar.
 */
public class BranchLabelConflictException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final String label;

	private final String revision;

	private final String source;

	private final String conflictingSource;

	/**
	 * @param label the label
	 * @param revision the revision declaring it
	 * @param source where that revision came from
	 * @param conflictingSource where the revision whose id equals the label came from, or {@code null} when the
	 * label is a keyword ({@code head}, {@code heads}, {@code base}, {@code current})
	 */
	public BranchLabelConflictException(String label, String revision, String source, String conflictingSource) {
		super("Branch label '" + label + "' of revision '" + revision + "' (" + source + ") "
				+ ((conflictingSource != null) ? "is also the id of the revision in " + conflictingSource
						: "is a keyword of the target grammar")
				+ "; rename the label in its " + Fixes.header(source, "Branch Labels"));
		this.label = label;
		this.revision = revision;
		this.source = source;
		this.conflictingSource = conflictingSource;
	}

	/**
	 * @return the label
	 */
	public String getLabel() {
		return this.label;
	}

	/**
	 * @return the revision declaring the label
	 */
	public String getRevision() {
		return this.revision;
	}

	/**
	 * @return where that revision came from
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * @return where the revision whose id equals the label came from, or {@code null} for a keyword
	 */
	public String getConflictingSource() {
		return this.conflictingSource;
	}

}
