package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.runtime.PlannedStep.StepStatement;
import dev.migrate.core.script.JavaMigration;

/**
 * Executes one step's body: its SQL statements (all at once inside the caller's transaction, or one by one with a
 * progress record committed after each, data statements of a transactional script grouped with the next), or its
 * Java migration. Reports a failure as a {@link StepFailure} instead of throwing, so the run strategy can record it.
 */
final class StepExecutor {

	// Compiled once: String.split compiles a regex of more than one character on every call, once per statement.
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final Dialect dialect;

	private final HistoryWriter history;

	StepExecutor(Dialect dialect, HistoryWriter history) {
		this.dialect = dialect;
		this.history = history;
	}

	/**
	 * Executes a step's statements from {@code from}; with a history row id, commits progress after each.
	 * @return the failure, or {@code null}
	 */
	StepFailure execute(Connection connection, SqlSink sink, PlannedStep step, int from, Long progressRow,
			String[] prefixes) {
		if (step.body() instanceof PlannedStep.JavaBody java) {
			return executeJava(connection, sink, step, java.migration(), progressRow);
		}
		List<StepStatement> statements = ((PlannedStep.SqlBody) step.body()).statements();
		if (progressRow == null) {
			for (int i = from; i < statements.size(); i++) {
				try {
					run(sink, statements.get(i));
				}
				catch (SQLException ex) {
					return new StepFailure(i + 1, statements.get(i).line(), ex, 0);
				}
			}
			return null;
		}
		// Statement by statement. In a transactional script, consecutive data statements share one transaction
		// that commits with the progress record before the next DDL statement (which would commit it anyway)
		// and at the end; each DDL statement is recorded on its own. A failure rolls back the uncommitted data
		// statements, and the progress record says where a rerun starts. A last statement that committed on
		// its own (DDL, or any statement of a non-transactional script) is recorded by the step's completion,
		// which writes statements_done anyway: until then the row says that statement may or may not have run.
		boolean grouped = step.transactional();
		int recorded = from;
		boolean lastCommitted = false;
		int i = from;
		try {
			if (connection.getAutoCommit() == grouped) {
				connection.setAutoCommit(!grouped);
			}
			// Between LOCK TABLES and UNLOCK TABLES (mysqldump writes them around each table's rows) the session may
			// touch no other table, so progress is recorded again after the UNLOCK, which commits the rows.
			boolean locked = false;
			for (; i < statements.size(); i++) {
				String sql = statements.get(i).sql();
				boolean data = grouped && StatementKind.of(sql) == StatementKind.DATA;
				if (grouped && !data && recorded < i && !locked) {
					recorded = record(sink, progressRow, i, prefixes);
				}
				run(sink, statements.get(i));
				locked = startsWithWords(sql, "LOCK", "TABLE") || (locked && !startsWithWords(sql, "UNLOCK", "TABLE"));
				if (!data && !locked) {
					if (i + 1 < statements.size()) {
						recorded = record(sink, progressRow, i + 1, prefixes);
					}
					else {
						lastCommitted = true;
					}
				}
			}
			if (!lastCommitted && recorded < statements.size()) {
				recorded = record(sink, progressRow, statements.size(), prefixes);
			}
			return null;
		}
		catch (SQLException ex) {
			if (i == from) {
				// Nothing of this step is uncommitted (a failed statement undoes itself); what may be is the
				// caller's bookkeeping, left for this statement to commit implicitly (see ProgressRun): keep it.
				commitPending(sink);
			}
			else {
				sink.rollback();
			}
			int failed = Math.min(i, statements.size() - 1);
			return new StepFailure(failed + 1, statements.get(failed).line(), ex, recorded);
		}
	}

	private int record(SqlSink sink, long progressRow, int done, String[] prefixes) throws SQLException {
		this.history.progress(progressRow, done, prefixes[done]);
		sink.commit();
		return done;
	}

	private static void commitPending(SqlSink sink) {
		try {
			sink.commit();
		}
		catch (SQLException ex) {
			sink.rollback();
		}
	}

	static void run(SqlSink sink, StepStatement statement) throws SQLException {
		if (statement.copyData() != null) {
			sink.copy(statement.sql(), statement.copyData());
		}
		else {
			sink.execute(statement.sql());
		}
	}

	private StepFailure executeJava(Connection connection, SqlSink sink, PlannedStep step, JavaMigration migration,
			Long progressRow) {
		JavaMigrationContext context = new JavaMigrationContext(connection, this.dialect.name(), sink);
		try {
			if (progressRow != null) {
				connection.setAutoCommit(!step.transactional());
			}
			if (step.upgrade()) {
				migration.upgrade(context);
			}
			else {
				migration.downgrade(context);
			}
			if (progressRow != null) {
				sink.commit();
			}
			return null;
		}
		catch (Exception ex) {
			if (progressRow != null) {
				sink.rollback();
			}
			return new StepFailure(context.failedStatement(), null, ex, context.executed());
		}
	}

	// LOCK TABLE(S) and UNLOCK TABLE(S), in any case and spacing.
	private static boolean startsWithWords(String sql, String first, String second) {
		String[] words = WHITESPACE.split(sql.strip(), 3);
		return words.length >= 2 && words[0].equalsIgnoreCase(first)
				&& words[1].toUpperCase(java.util.Locale.ROOT).startsWith(second);
	}

}
