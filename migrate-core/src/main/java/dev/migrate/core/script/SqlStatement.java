package dev.migrate.core.script;

/**
 * One statement of a SQL script, ready to execute, with the line it starts on so that errors can say
 * {@code file:line}.
 *
 * <p>A PostgreSQL {@code COPY ... FROM stdin} statement carries its data rows in {@link #copyData()}: run
 * {@link #sql()} through the driver's copy API and feed it the data. Every other statement has no copy data.
 *
 * @param sql the statement's text, without its delimiter and without leading comments
 * @param line the 1-based line of the file where the statement starts
 * @param copyData for {@code COPY ... FROM stdin}, the data lines (each ending with a line feed, the
 * terminating {@code \.} line excluded); otherwise {@code null}
 */
public record SqlStatement(String sql, int line, String copyData) {

	/**
	 * A statement without copy data.
	 * @param sql the statement's text
	 * @param line the 1-based line where it starts
	 */
	public SqlStatement(String sql, int line) {
		this(sql, line, null);
	}

}
