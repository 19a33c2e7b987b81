package dev.migrate.core;

/**
 * Where a revision stands against the database.
 */
public enum RevisionState {

	/** In the version table, or an ancestor of a revision that is. */
	APPLIED,

	/** Not applied yet: an upgrade to heads would run it. */
	PENDING,

	/** Applied according to the version table, but no script for it can be found. */
	ORPHANED

}
