package dev.migrate.core.runtime;

import java.util.List;

import dev.migrate.core.CommandKind;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.script.JavaMigration;

/**
 * One step the runner takes: a revision in one direction, what it runs, and the version rows before and
 * after it.
 *
 * @param revision the revision id
 * @param message the revision's message
 * @param source the script file or class, for messages
 * @param direction which way
 * @param rowsBefore the whole version table before the step, sorted
 * @param rowsAfter the whole version table after the step, sorted
 * @param transactional whether the script may run inside a transaction
 * @param checksum the script's checksum, or {@code null}
 * @param body what runs: SQL statements or a Java migration
 */
record PlannedStep(String revision, String message, String source, Direction direction, List<String> rowsBefore,
		List<String> rowsAfter, boolean transactional, String checksum, Body body) {

	PlannedStep {
		rowsBefore = List.copyOf(rowsBefore);
		rowsAfter = List.copyOf(rowsAfter);
	}

	boolean upgrade() {
		return this.direction == Direction.UPGRADE;
	}

	/**
	 * @return {@code upgrade} or {@code downgrade}, as the history table and messages spell it
	 */
	String verb() {
		return kind().verb();
	}

	/**
	 * @return the command this step belongs to, as the history table records it
	 */
	CommandKind kind() {
		return CommandKind.of(this.direction);
	}

	/**
	 * What a step runs.
	 */
	sealed interface Body permits SqlBody, JavaBody {

	}

	/**
	 * The SQL statements of a script's section for this direction and engine.
	 *
	 * @param statements the statements, in order
	 */
	record SqlBody(List<StepStatement> statements) implements Body {

		SqlBody {
			statements = List.copyOf(statements);
		}

	}

	/**
	 * A Java migration, run through its {@code upgrade} or {@code downgrade} method.
	 *
	 * @param migration the migration
	 */
	record JavaBody(JavaMigration migration) implements Body {

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
