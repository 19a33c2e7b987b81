package dev.migrate.core;

import java.time.Instant;
import java.util.List;

/**
 * What {@code repair} changed in the history table, and what it left for the user to decide.
 *
 * @param checksums applied revisions whose script was edited since: the stored checksum now matches the file
 * @param cleared failed or interrupted runs removed because nothing of them can have committed
 * @param kept failed or interrupted runs left in place, each with the reason and the command that settles it
 */
public record RepairResult(List<ChecksumChange> checksums, List<ClearedRun> cleared, List<String> kept) {

	public RepairResult {
		checksums = List.copyOf(checksums);
		cleared = List.copyOf(cleared);
		kept = List.copyOf(kept);
	}

	/**
	 * @return whether the history table was changed
	 */
	public boolean changed() {
		return !this.checksums.isEmpty() || !this.cleared.isEmpty();
	}

	/**
	 * An applied revision's stored checksum, replaced by the script's current one.
	 *
	 * @param revision the revision id
	 * @param script the script's location
	 * @param appliedAt when the run that stored the old checksum started
	 * @param oldChecksum the checksum stored when it was applied
	 * @param newChecksum the script's checksum now
	 */
	public record ChecksumChange(String revision, String script, Instant appliedAt, String oldChecksum,
			String newChecksum) {
	}

	/**
	 * A history row of a run that failed or was interrupted before any of its statements committed.
	 *
	 * @param historyId the row's id
	 * @param revision the revision id
	 * @param direction the command the run was part of, {@link CommandKind#UPGRADE} or {@link CommandKind#DOWNGRADE}
	 * @param startedAt when the run started
	 * @param reason why nothing of it can have committed
	 */
	public record ClearedRun(long historyId, String revision, CommandKind direction, Instant startedAt, String reason) {
	}

}
