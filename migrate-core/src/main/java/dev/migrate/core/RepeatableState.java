package dev.migrate.core;

/**
 * Where a repeatable script stands against the database.
 */
public enum RepeatableState {

	/** The history table's last application of its name has the file's current checksum. */
	APPLIED,

	/** New or changed since its last application (or its Depends On revision was downgraded): the next upgrade
	 * re-applies it. */
	PENDING,

	/** New or changed, but a revision it depends on is not applied yet; an upgrade that applies it re-applies the
	 * script. */
	WAITING

}
