package dev.migrate.core;

import java.util.List;

/**
 * A revision failed while it ran. The message says which revision, which statement (index, file and line),
 * what the database said, and what state remains: what was rolled back or committed and what the version
 * table holds.
 */
public class MigrationFailedException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final String source;

	private final Integer statementIndex;

	private final Integer line;

	private final String sqlState;

	private final String databaseMessage;

	private final List<String> versionRows;

	private final int statementsApplied;

	/**
	 * @param message the user-facing message
	 * @param cause the underlying failure
	 * @param revision the failed revision's id
	 * @param source the script file or class of the revision
	 * @param statementIndex the failed statement's index (from 1), or {@code null} if not in a statement
	 * @param line the failed statement's first line in the file, or {@code null}
	 * @param sqlState the database's SQLState, or {@code null}
	 * @param databaseMessage the database's message, or the failure's message
	 * @param versionRows the version table's rows after the failure
	 * @param statementsApplied how many statements of the revision remain applied (0 when rolled back)
	 */
	public MigrationFailedException(String message, Throwable cause, String revision, String source,
			Integer statementIndex, Integer line, String sqlState, String databaseMessage, List<String> versionRows,
			int statementsApplied) {
		super(message, cause);
		this.revision = revision;
		this.source = source;
		this.statementIndex = statementIndex;
		this.line = line;
		this.sqlState = sqlState;
		this.databaseMessage = databaseMessage;
		this.versionRows = List.copyOf(versionRows);
		this.statementsApplied = statementsApplied;
	}

	/** @return the failed revision's id */
	public String getRevision() {
		return this.revision;
	}

	/** @return the script file or class of the revision */
	public String getSource() {
		return this.source;
	}

	/** @return the failed statement's index (from 1), or {@code null} */
	public Integer getStatementIndex() {
		return this.statementIndex;
	}

	/** @return the failed statement's first line in its file, or {@code null} */
	public Integer getLine() {
		return this.line;
	}

	/** @return the database's SQLState, or {@code null} */
	public String getSqlState() {
		return this.sqlState;
	}

	/** @return what the database said */
	public String getDatabaseMessage() {
		return this.databaseMessage;
	}

	/** @return the version table's rows after the failure, sorted */
	public List<String> getVersionRows() {
		return this.versionRows;
	}

	/** @return how many of the revision's statements remain applied (0 when it was rolled back) */
	public int getStatementsApplied() {
		return this.statementsApplied;
	}

}
