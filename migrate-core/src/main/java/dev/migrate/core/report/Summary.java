package dev.migrate.core.report;

import java.util.List;
import java.util.Map;

import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.RevisionInfo;

/**
 * The last line of {@code upgrade}, {@code downgrade} and {@code stamp}:
 * {@code Upgraded 3 revisions in 142 ms; now at a1b2c3d4e5f6 (head)}.
 */
public final class Summary {

	private Summary() {
	}

	/**
	 * The summary of an upgrade to every head ({@code heads}, or {@code head} with one head) that had nothing to
	 * do: every version row is then a head, so no revision needs reading to say so, and the line is the one
	 * {@link #of} prints.
	 * @param result what the command did, with no steps
	 * @return the summary line
	 */
	public static String upToDate(MigrationResult result) {
		return "Nothing to " + result.command().verb() + "; already at "
				+ (result.versionRowsAfter().isEmpty() ? RevisionFormat.rows(List.of(), Map.of())
						: String.join(", ", result.versionRowsAfter().stream().map((row) -> row + " (head)").toList()));
	}

	/**
	 * @param result what the command did
	 * @param revisions every revision by id (for the head marks)
	 * @return the summary line
	 */
	public static String of(MigrationResult result, Map<String, RevisionInfo> revisions) {
		String after = RevisionFormat.rows(result.versionRowsAfter(), revisions);
		if (result.command() == CommandKind.STAMP) {
			return "Stamped " + RevisionFormat.rows(result.versionRowsBefore(), revisions) + " -> " + after;
		}
		if (result.steps().isEmpty()) {
			return "Nothing to " + result.command().verb() + "; already at " + after;
		}
		int count = result.steps().size();
		String verb = (result.command() == CommandKind.DOWNGRADE) ? "Downgraded" : "Upgraded";
		return verb + " " + count + ((count == 1) ? " revision" : " revisions") + " in " + result.totalMillis()
				+ " ms; now at " + after;
	}

}
