package dev.migrate.core.report;

import java.util.Map;

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
	 * @param result what the command did
	 * @param revisions every revision by id (for the head marks)
	 * @return the summary line
	 */
	public static String of(MigrationResult result, Map<String, RevisionInfo> revisions) {
		String after = RevisionFormat.rows(result.versionRowsAfter(), revisions);
		if ("stamp".equals(result.command())) {
			return "Stamped " + RevisionFormat.rows(result.versionRowsBefore(), revisions) + " -> " + after;
		}
		if (result.steps().isEmpty()) {
			return "Nothing to " + result.command() + "; already at " + after;
		}
		int count = result.steps().size();
		String verb = "downgrade".equals(result.command()) ? "Downgraded" : "Upgraded";
		return verb + " " + count + ((count == 1) ? " revision" : " revisions") + " in " + result.totalMillis()
				+ " ms; now at " + after;
	}

}
