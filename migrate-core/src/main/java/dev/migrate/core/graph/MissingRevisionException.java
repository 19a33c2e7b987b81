package dev.migrate.core.graph;

/**
 * A revision revises or depends on an id that is not in the graph.
 */
public class MissingRevisionException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final String source;

	private final String missing;

	private final String header;

	/**
	 * @param revision the revision that names the missing id
	 * @param source where that revision came from
	 * @param missing the id that does not exist
	 * @param header the header to fix: {@code Revises} or {@code Depends On}
	 */
	public MissingRevisionException(String revision, String source, String missing, String header) {
		super("Revision '" + revision + "' (" + source + ") " + ("Revises".equals(header) ? "revises" : "depends on")
				+ " '" + missing + "', which does not exist; fix its " + Fixes.header(source, header));
		this.revision = revision;
		this.source = source;
		this.missing = missing;
		this.header = header;
	}

	/**
	 * @return the revision that names the missing id
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
	 * @return the id that does not exist
	 */
	public String getMissing() {
		return this.missing;
	}

	/**
	 * @return the header to fix: {@code Revises} or {@code Depends On}
	 */
	public String getHeader() {
		return this.header;
	}

}
