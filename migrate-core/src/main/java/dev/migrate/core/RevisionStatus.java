package dev.migrate.core;

import java.time.Instant;

/**
 * A revision with its state and, when applied, the facts of its last successful upgrade from the history
 * table.
 *
 * @param revision the revision (for an orphaned one, only the id is known and the other fields are empty)
 * @param state its state
 * @param appliedAt when it was applied, or {@code null}
 * @param appliedBy who applied it ({@code user@host}), or {@code null}
 * @param executionMillis how long the upgrade took, or {@code null}
 * @param checksum the script's current checksum, or {@code null} for an orphan
 */
public record RevisionStatus(RevisionInfo revision, RevisionState state, Instant appliedAt, String appliedBy,
		Long executionMillis, String checksum) {
}
