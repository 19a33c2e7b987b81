package dev.migrate.core;

import java.time.Instant;
import java.util.List;

/**
 * A repeatable script with its state and, when it was applied before, its last application from the history table.
 *
 * @param repeatable the script
 * @param state its state
 * @param appliedChecksum the checksum of its last application, or {@code null} when it never ran (or must run
 * again because a revision it depends on was downgraded)
 * @param appliedAt when it was last applied, or {@code null}
 * @param waitingFor the revisions of its {@code Depends On} that are not applied, empty unless
 * {@link RepeatableState#WAITING}
 */
public record RepeatableStatus(RepeatableInfo repeatable, RepeatableState state, String appliedChecksum,
		Instant appliedAt, List<String> waitingFor) {

	public RepeatableStatus {
		waitingFor = List.copyOf(waitingFor);
	}

}
