package dev.migrate.core.graph;

/**
 * Two revisions share one id.
 */
public class DuplicateRevisionException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final String source;

	private final String otherSource;

	/**
	 * @param revision the id both revisions declare
	 * @param source where the first one came from
	 * @param otherSource where the second one came from
	 */
	public DuplicateRevisionException(String revision, String source, String otherSource) {
		super("Revision '" + revision + "' is defined twice, in " + source + " and in " + otherSource
				+ "; give one of them a new id (from 'migrate revision') and update whatever revises it");
		this.revision = revision;
		this.source = source;
		this.otherSource = otherSource;
	}

	/**
	 * @return the id both revisions declare
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
	 * @return where the second revision came from
	 */
	public String getOtherSource() {
		return this.otherSource;
	}

}
