package dev.migrate.core.report;

import java.util.List;
import java.util.Map;

import dev.migrate.core.AppliedRevision;
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
		// An upgrade that adopted the database (baselineOnMigrate) starts with the stamp it made.
		AppliedRevision baseline = (!result.steps().isEmpty() && result.steps().get(0).command() == CommandKind.STAMP)
				? result.steps().get(0) : null;
		String adopted = (baseline != null) ? "Baselined at " + baseline.revision() + ", then " : "";
		int count = result.steps().size() - ((baseline != null) ? 1 : 0);
		String repeatables = result.repeatables().isEmpty() ? ""
				: "; applied repeatable " + ((result.repeatables().size() == 1) ? "script " : "scripts ")
						+ String.join(", ", result.repeatables());
		if (count == 0) {
			return ((baseline != null) ? "Baselined at " + baseline.revision() + "; now at " + after
					: "Nothing to " + result.command().verb() + "; already at " + after) + repeatables;
		}
		String verb = (result.command() == CommandKind.DOWNGRADE) ? "Downgraded" : "Upgraded";
		if (baseline != null) {
			verb = verb.toLowerCase(java.util.Locale.ROOT);
		}
		return adopted + verb + " " + count + ((count == 1) ? " revision" : " revisions") + " in "
				+ result.totalMillis() + " ms; now at " + after + repeatables;
	}

}
