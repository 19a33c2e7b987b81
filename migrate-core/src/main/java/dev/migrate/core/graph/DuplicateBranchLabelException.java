package dev.migrate.core.graph;

/**
 * Two revisions declare the same branch label.
 */
public class DuplicateBranchLabelException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final String label;

	private final String revision;

	private final String source;

	private final String otherRevision;

	private final String otherSource;

	/**
	 * @param label the label declared twice
	 * @param revision the first revision declaring it
	 * @param source where the first revision came from
	 * @param otherRevision the second revision declaring it
	 * @param otherSource where the second revision came from
	 */
	public DuplicateBranchLabelException(String label, String revision, String source, String otherRevision,
			String otherSource) {
		super("Branch label '" + label + "' is declared by both '" + revision + "' (" + source + ") and '"
				+ otherRevision + "' (" + otherSource + "); remove it from one of them (its "
				+ Fixes.header(otherSource, "Branch Labels") + ")");
		this.label = label;
		this.revision = revision;
		this.source = source;
		this.otherRevision = otherRevision;
		this.otherSource = otherSource;
	}

	/**
	 * @return the label declared twice
	 */
	public String getLabel() {
		return this.label;
	}

	/**
	 * @return the first revision declaring it
	 */
	public String getRevision() {
		return this.revision;
	}

	/**
	 * @return where the first revision came from
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * @return the second revision declaring it
	 */
	public String getOtherRevision() {
		return this.otherRevision;
	}

	/**
	 * @return where the second revision came from
	 */
	public String getOtherSource() {
		return this.otherSource;
	}

}
