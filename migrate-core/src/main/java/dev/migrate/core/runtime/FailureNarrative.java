package dev.migrate.core.runtime;

import java.util.List;

import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationFailedException;

/**
 * Says what state a failed step left: what was applied and stays applied, what the version table holds, and the
 * command that moves on from there. The runner decides what happened; this class only words it.
 */
final class FailureNarrative {

	private FailureNarrative() {
	}

	/**
	 * A step (or a whole-plan transaction) that was rolled back.
	 * @param step the step that failed
	 * @param rows the version rows now
	 * @param wholePlan whether the run was one transaction
	 * @param hint the engine's explanation of the failure (after ". "), or empty
	 * @return the state and the fix
	 */
	static String rolledBack(PlannedStep step, List<String> rows, boolean wholePlan, String hint) {
		String state = !wholePlan
				? "Its transaction was rolled back: nothing of '" + step.revision() + "' was applied, and revisions "
						+ "before it in this run stay committed. The version table holds " + rows
				: "The run's single transaction was rolled back: nothing of this run was applied. The version table "
						+ "holds " + rows;
		// A full lock table is not the script's fault: the fix is the server's setting or smaller transactions.
		return state + (hint.isEmpty() ? ". Fix the script and run " + step.verb() + " again" : hint);
	}

	/**
	 * A step that ran statement by statement and stopped part-way.
	 * @param step the step that failed
	 * @param failure what failed
	 * @param rows the version rows now
	 * @param engine the engine's display name
	 * @return the state and the fix
	 */
	static String partial(PlannedStep step, StepFailure failure, List<String> rows, String engine) {
		int applied = failure.completed();
		String why = step.transactional() ? engine + " commits DDL as it runs" : "the script is not transactional";
		if (applied == 0) {
			return "Nothing of '" + step.revision() + "' was applied (" + why + ", but no statement before the "
					+ "failing one had committed). The version table holds " + rows + ". Fix the script and run "
					+ step.verb() + " again";
		}
		if (failure.index() == null) {
			return ((applied == 1) ? "The only statement" : "All " + applied + " statements") + " of '"
					+ step.revision() + "' " + ((applied == 1) ? "was" : "were") + " applied (" + why
					+ "), but the version table was not updated; it holds " + rows + ". Run " + step.verb()
					+ " again to record it, or run 'migrate stamp " + step.revision() + "'";
		}
		return capitalize(statements(1, applied)) + " of '" + step.revision() + "' "
				+ ((applied == 1) ? "was" : "were") + " applied and stay" + ((applied == 1) ? "s" : "") + " applied ("
				+ why + ")"
				+ ((applied + 1 < failure.index()) ? "; " + statements(applied + 1, failure.index() - 1)
						+ " changed only data and " + ((applied + 2 == failure.index()) ? "was" : "were")
						+ " rolled back with it" : "")
				+ "; the version table still holds " + rows + ". Fix statement " + failure.index()
				+ " and leave the statements before it unchanged, then run " + step.verb()
				+ " again: it resumes at statement " + (applied + 1) + ". Or apply the rest by hand and run "
				+ "'migrate stamp " + step.revision() + "'";
	}

	/**
	 * The exception for a failed step, carrying the facts and the message.
	 * @param step the step that failed
	 * @param failure what failed
	 * @param rows the version rows now
	 * @param applied the statements that stay applied
	 * @param state the state and the fix, from {@link #rolledBack} or {@link #partial}
	 * @return the exception
	 */
	static MigrationFailedException exception(PlannedStep step, StepFailure failure, List<String> rows, int applied,
			String state) {
		if (failure.cause() instanceof MigrateException migrate && failure.index() == null) {
			// A version-table or configuration problem: keep its own words, add the state.
			return new MigrationFailedException(migrate.getMessage() + ". " + state, migrate, step.revision(),
					step.source(), null, null, null, migrate.getMessage(), rows, applied);
		}
		String where = step.source() + ((failure.line() != null) ? ":" + failure.line() : "");
		String statement = (failure.index() != null) ? " at statement " + failure.index()
				+ ((step.body() instanceof PlannedStep.SqlBody sql) ? " of " + sql.statements().size() : "") : "";
		String message = "Revision '" + step.revision() + "' (" + where + ") failed" + statement + " during "
				+ step.verb() + ": " + failure.describe() + ". " + state;
		return new MigrationFailedException(message, failure.cause(), step.revision(), step.source(), failure.index(),
				failure.line(), failure.sqlState(), failure.databaseMessage(), rows, applied);
	}

	/**
	 * @param first the first statement's number
	 * @param last the last statement's number
	 * @return {@code statement 3} or {@code statements 1-4}
	 */
	static String statements(int first, int last) {
		return (first == last) ? "statement " + first : "statements " + first + "-" + last;
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
