package dev.migrate.core.graph;

import java.util.List;

/**
 * The version table's rows do not fit the graph: a row names no revision, or one row is an ancestor of another.
 */
public class VersionRowsException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final List<String> rows;

	/**
	 * @param rows the offending rows
	 * @param message the user-facing message
	 */
	public VersionRowsException(List<String> rows, String message) {
		super(message);
		this.rows = List.copyOf(rows);
	}

	/**
	 * @return the offending rows
	 */
	public List<String> getRows() {
		return this.rows;
	}

}
