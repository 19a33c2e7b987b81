package dev.migrate.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.core.Migrator;
import dev.migrate.core.RepeatableState;
import dev.migrate.core.RepeatableStatus;
import dev.migrate.core.RevisionInfo;

/**
 * What {@code check} reports, for a CI build to fail on: more than one head, pending revisions, pending repeatable
 * scripts. Each problem ends with
 * the fix in the words of the tool the user runs ({@code migrate merge ...} in the CLI, {@code mvn migrate:merge ...}
 * in a build), given as {@link Fixes}.
 */
public final class CheckReport {

	private CheckReport() {
	}

	/**
	 * The commands that fix what {@code check} finds, as the user's tool spells them.
	 * @param mergeHeads the command that merges every head, such as {@code migrate merge -m "merge" heads}
	 * @param upgradeHeads the command that applies every pending revision, such as {@code migrate upgrade heads}
	 */
	public record Fixes(String mergeHeads, String upgradeHeads) {
	}

	/**
	 * What {@code check} finds, from the command line or the Maven plugin: several heads, pending revisions,
	 * pending repeatable scripts, and an applied script that changed or is missing (what {@code validate} reports).
	 * @param migrator the migrator of the database to check
	 * @param fixes the commands to name
	 * @return one line per problem, without a {@code FAILED: } prefix; empty when there is none
	 */
	public static List<String> problems(Migrator migrator, Fixes fixes) {
		List<String> problems = new ArrayList<>(problems(migrator.heads(), migrator.pending("heads"), fixes));
		if (!migrator.repeatables().isEmpty()) {
			problems.addAll(repeatableProblems(migrator.info().repeatables(), fixes));
		}
		problems.addAll(migrator.validate().problems());
		return problems;
	}

	/**
	 * @param heads the graph's heads (a branch that others only depend on, not {@link RevisionInfo#head()}, needs no
	 * merge and is not counted)
	 * @param pending the revisions the database lacks to reach every head
	 * @param fixes the commands to name
	 * @return one line per problem, without a {@code FAILED: } prefix; empty when there is none
	 */
	public static List<String> problems(List<RevisionInfo> heads, List<RevisionInfo> pending, Fixes fixes) {
		List<String> problems = new ArrayList<>();
		List<RevisionInfo> effective = heads.stream().filter(RevisionInfo::head).toList();
		if (effective.size() > 1) {
			problems.add("The scripts have " + effective.size() + " heads (" + ids(effective) + "); merge them with '"
					+ fixes.mergeHeads() + "'");
		}
		if (!pending.isEmpty()) {
			problems.add("The database has " + pending.size()
					+ ((pending.size() == 1) ? " pending revision" : " pending revisions") + " (" + ids(pending)
					+ "); run '" + fixes.upgradeHeads() + "'");
		}
		return problems;
	}

	/**
	 * @param repeatables the repeatable scripts' states against the database
	 * @param fixes the commands to name
	 * @return a line when a repeatable script is new or changed since it was last applied (or waits for a revision
	 * it depends on), without a {@code FAILED: } prefix; empty when there is none
	 */
	public static List<String> repeatableProblems(List<RepeatableStatus> repeatables, Fixes fixes) {
		List<String> pending = new ArrayList<>();
		for (RepeatableStatus status : repeatables) {
			if (status.state() == RepeatableState.PENDING) {
				pending.add(status.repeatable().name() + ((status.appliedChecksum() == null) ? ": not applied yet"
						: ": changed since it was applied"));
			}
			else if (status.state() == RepeatableState.WAITING) {
				pending.add(status.repeatable().name() + ": waits for " + String.join(", ", status.waitingFor()));
			}
		}
		if (pending.isEmpty()) {
			return List.of();
		}
		return List.of("The database has " + pending.size() + ((pending.size() == 1) ? " pending repeatable script"
				: " pending repeatable scripts") + " (" + String.join("; ", pending) + "); run '" + fixes.upgradeHeads()
				+ "'");
	}

	/**
	 * @param current the database's version rows
	 * @param heads the graph's heads
	 * @return the line printed when nothing is wrong (callers may append what else they checked)
	 */
	public static String upToDate(List<String> current, List<RevisionInfo> heads) {
		Map<String, RevisionInfo> byId = RevisionFormat.byId(heads);
		return "OK: the database is at " + RevisionFormat.rows(current, byId) + ", nothing is pending";
	}

	private static String ids(List<RevisionInfo> revisions) {
		return String.join(", ", revisions.stream().map(RevisionInfo::id).toList());
	}

}
