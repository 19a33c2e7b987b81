package dev.migrate.core.report;

import java.util.Map;

import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.RevisionInfo;

/**
 * The last line of {@code upgrade}, {@code downgrade} and {@code stamp}:
 * {@code Upgraded 3 revisions in 142 ms; now at a1b2c3d4e5f6 (head)}, followed by
 * {@code ; applied repeatable scripts active_accounts, totals} when an upgrade (re-)applied some.
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
		if (result.command() == CommandKind.STAMP) {
			return "Stamped " + RevisionFormat.rows(result.versionRowsBefore(), revisions) + " -> " + after;
		}
		String repeatables = result.repeatables().isEmpty() ? ""
				: "; applied repeatable " + ((result.repeatables().size() == 1) ? "script " : "scripts ")
						+ String.join(", ", result.repeatables());
		if (result.steps().isEmpty()) {
			return "Nothing to " + result.command().verb() + "; already at " + after + repeatables;
		}
		int count = result.steps().size();
		String verb = (result.command() == CommandKind.DOWNGRADE) ? "Downgraded" : "Upgraded";
		return verb + " " + count + ((count == 1) ? " revision" : " revisions") + " in " + result.totalMillis()
				+ " ms; now at " + after + repeatables;
	}

}
