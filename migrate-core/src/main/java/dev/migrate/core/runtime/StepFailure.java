package dev.migrate.core.runtime;

import java.sql.SQLException;

/**
 * What failed in a step: the statement (index from 1 and line, when a statement failed), the cause, and how many
 * statements had completed (committed, for a step that runs statement by statement).
 *
 * @param index the failed statement's number from 1, or {@code null} when no statement failed
 * @param line its first line in the script, or {@code null}
 * @param cause the failure
 * @param completed the statements that completed before it
 */
record StepFailure(Integer index, Integer line, Throwable cause, int completed) {

	/**
	 * A failure outside the statements (bookkeeping, a transaction that would not start or commit).
	 * @param cause the failure
	 * @return the failure, with no statement completed
	 */
	static StepFailure outside(Throwable cause) {
		return new StepFailure(null, null, cause, 0);
	}

	String sqlState() {
		return (this.cause instanceof SQLException sql) ? sql.getSQLState() : null;
	}

	String databaseMessage() {
		String message = this.cause.getMessage();
		return (message != null) ? message.strip().replaceAll("\\s*\\R\\s*", " ") : this.cause.getClass().getName();
	}

	String describe() {
		String state = sqlState();
		return databaseMessage() + ((state != null) ? " [SQLState " + state + "]" : "");
	}

}
