package dev.migrate.core.graph;

import dev.migrate.core.MigrateException;

/**
 * Base of every error the revision graph reports: a graph that is not valid, or a target or version table that
 * does not fit the graph. Subclasses carry the facts (ids, sources, arguments) as fields.
 */
public class RevisionGraphException extends MigrateException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message the user-facing message
	 */
	public RevisionGraphException(String message) {
		super(message);
	}

}
