package dev.migrate.core.runtime;

import java.util.List;

import dev.migrate.core.script.JavaMigration;

/**
 * One step the runner takes: a revision in one direction, what it runs, and the version rows before and
 * after it.
 *
 * @param revision the revision id
 * @param message the revision's message
 * @param source the script file or class, for messages
 * @param direction {@code upgrade} or {@code downgrade}
 * @param rowsBefore the whole version table before the step, sorted
 * @param rowsAfter the whole version table after the step, sorted
 * @param transactional whether the script may run inside a transaction
 * @param checksum the script's checksum, or {@code null}
 * @param statements the SQL statements, or {@code null} for a Java migration
 * @param java the Java migration, or {@code null} for SQL
 */
record PlannedStep(String revision, String message, String source, String direction, List<String> rowsBefore,
		List<String> rowsAfter, boolean transactional, String checksum, List<StepStatement> statements,
		JavaMigration java) {

	PlannedStep {
		rowsBefore = List.copyOf(rowsBefore);
		rowsAfter = List.copyOf(rowsAfter);
		statements = (statements != null) ? List.copyOf(statements) : null;
	}

	boolean upgrade() {
		return "upgrade".equals(this.direction);
	}

	/**
	 * One SQL statement of a script.
	 *
	 * @param sql the statement, without terminator
	 * @param line its first line in the script file
	 * @param copyData the data of a PostgreSQL {@code COPY ... FROM stdin}, or {@code null}
	 */
	record StepStatement(String sql, int line, String copyData) {

		StepStatement(String sql, int line) {
			this(sql, line, null);
		}

	}

}
