package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.MigrateException;
import dev.migrate.core.runtime.PlannedStep.StepStatement;

/**
 * Where a step that runs statement by statement starts: after the statements an earlier failed run committed, when
 * they are unchanged; at the statement an interrupted run stopped in, when that statement changed only data and was
 * rolled back with the dead session. Refuses, naming the commands that move on, when it cannot tell what ran:
 * migrate never runs a statement twice. One per run: the history is read once, under the lock.
 */
final class ResumeDecision {

	private static final Logger logger = LoggerFactory.getLogger(ResumeDecision.class);

	private final HistoryTable historyTable;

	private Map<String, HistoryRow> unfinished;

	ResumeDecision(HistoryTable historyTable) {
		this.historyTable = historyTable;
	}

	/**
	 * @param connection the runner's connection
	 * @param step the step about to run
	 * @param prefixes the checksums of the step's first N statements, for every N
	 * @return the number of statements to skip
	 * @throws SQLException if the history cannot be read
	 * @throws MigrateException when an earlier run leaves it unknown what ran
	 */
	int resumeAt(Connection connection, PlannedStep step, String[] prefixes) throws SQLException {
		if (this.unfinished == null) {
			// Read once per run: the lock is held, and this run adds rows only for revisions it has passed.
			this.unfinished = this.historyTable.latestSinceLastStamp(connection);
		}
		HistoryRow last = this.unfinished.get(step.revision());
		boolean interrupted = last != null && last.interrupted();
		if (last == null || last.success() || last.direction() != step.kind()
				|| (last.statementsDone() == 0 && !interrupted)) {
			return 0;
		}
		int done = last.statementsDone();
		String ran = FailureNarrative.statements(1, done) + " of it ran and " + ((done == 1) ? "was" : "were")
				+ " committed on " + last.startedAt() + " (history row " + last.id() + ")";
		List<StepStatement> statements = (step.body() instanceof PlannedStep.SqlBody sql) ? sql.statements() : null;
		// With nothing done there is nothing to compare: a run killed in statement 1 records no progress checksum.
		boolean unchanged = statements != null && statements.size() >= done
				&& (done == 0 || prefixes[done].equals(last.progressChecksum()));
		if (interrupted && unchanged && done < statements.size() && step.transactional()
				&& StatementKind.of(statements.get(done).sql()) == StatementKind.DATA) {
			// The interrupted statement changed only data, in the transaction its progress update would have
			// committed in: it was rolled back with the dead session, so it has not run.
			logger.info("Resuming '{}' at statement {}: the run that stopped there was interrupted inside a "
					+ "data statement, which was rolled back", step.revision(), done + 1);
			return done;
		}
		if (interrupted) {
			throw new MigrateException("Revision '" + step.revision() + "' (" + step.source() + ") was interrupted "
					+ "part-way through an earlier " + step.verb() + " (history row " + last.id() + ", started "
					+ last.startedAt() + "): "
					+ ((done > 0) ? FailureNarrative.statements(1, done) + " of it committed, and " : "")
					+ "statement " + (done + 1) + " may or may not have run. migrate never runs a statement twice, so "
					+ "it will not guess. Check the database, then either finish the revision by hand and run "
					+ "'migrate stamp " + step.revision() + "', or undo what ran, run 'migrate stamp "
					+ (step.rowsBefore().isEmpty() ? "base" : String.join(" ", step.rowsBefore()))
					+ "' to clear the record, and run " + step.verb() + " again");
		}
		if (!unchanged) {
			throw new MigrateException("Revision '" + step.revision() + "' (" + step.source() + ") failed part-way "
					+ "through an earlier " + step.verb() + ": " + ran + ", but those statements have changed "
					+ "since, so migrate cannot tell what is left to run and will not run anything twice. Restore "
					+ ((done == 1) ? "the first statement as it was" : "the first " + done + " statements as they were")
					+ " and change only the failing one, or finish "
					+ "the revision by hand and run 'migrate stamp " + step.revision() + "'");
		}
		return done;
	}

}
