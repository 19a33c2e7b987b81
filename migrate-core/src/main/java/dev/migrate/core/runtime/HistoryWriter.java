package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrate.core.dialect.Dialect;

/**
 * Writes history rows on one connection through statements prepared once: rows of steps that run outside a
 * transaction are inserted first and then updated as their statements commit, so a failed or killed run leaves
 * how far it got. Not thread-safe, like the connection.
 */
final class HistoryWriter implements AutoCloseable {

	// Revision ids (comma-separated) and hex checksums: written as literals without any quoting rules.
	private static final Pattern SAFE_LITERAL = Pattern.compile("[A-Za-z0-9_,]*");

	// Text a single-quoted literal holds as it is under every SQL mode: no quote, no backslash, no control character.
	private static final Pattern PLAIN_TEXT = Pattern.compile("[^'\\\\\\p{Cntrl}]*");

	private static final DateTimeFormatter STARTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private final Dialect dialect;

	private final String name;

	private final Connection connection;

	// "INSERT INTO <table> (<every column>) VALUES (": built once, as each row's literal insert starts with it.
	private final String insertPrefix;

	private final String insertSql;

	// The insert whose execution time adds the server's time in the transaction (null where the engine has none).
	private final String timedInsertSql;

	private final String progressSql;

	private final String completeSql;

	// One calendar for every row this writer binds (the writer is single-threaded, as its connection): creating one
	// per row costs a locale-provider lookup each time.
	private final Calendar utc = HistoryTable.utc();

	private PreparedStatement insert;

	private PreparedStatement keyedInsert;

	private PreparedStatement progress;

	private PreparedStatement complete;

	HistoryWriter(HistoryTable table, Connection connection) {
		this.dialect = table.dialect();
		this.name = table.qualifiedName();
		this.connection = connection;
		this.insertPrefix = "INSERT INTO " + this.name + " ("
				+ String.join(", ", HistoryTable.COLUMNS.stream().map(this.dialect::quote).toList()) + ") VALUES (";
		this.insertSql = insert(HistoryTable.COLUMNS.stream().map((column) -> "?").toList());
		String transactionMillis = this.dialect.transactionMillis();
		this.timedInsertSql = (transactionMillis != null) ? insert(HistoryTable.COLUMNS.stream()
			.map((column) -> column.equals("execution_ms") ? "? + " + transactionMillis : "?")
			.toList()) : null;
		this.progressSql = "UPDATE " + this.name + " SET " + set("statements_done", "progress_checksum") + " WHERE "
				+ this.dialect.quote("id") + " = ?";
		this.completeSql = "UPDATE " + this.name + " SET " + set("version_after", "execution_ms", "success", "error",
				"failed_statement", "statements_done", "progress_checksum") + " WHERE " + this.dialect.quote("id")
				+ " = ?";
	}

	private String set(String... columns) {
		return String.join(", ",
				List.of(columns).stream().map((column) -> this.dialect.quote(column) + " = ?").toList());
	}

	/**
	 * Inserts a row whose id is not needed.
	 * @param row the row
	 * @throws SQLException if the database rejects it
	 */
	void append(HistoryRow row) throws SQLException {
		if (this.insert == null) {
			this.insert = this.connection.prepareStatement(this.insertSql);
		}
		bind(this.insert, row, this.utc);
		this.insert.executeUpdate();
	}

	/**
	 * Runs statements and then inserts a row. On PostgreSQL, whose driver takes several statements in one prepared
	 * statement, they go to the server together, in one round trip; elsewhere one by one.
	 * @param leading the statements, without parameters
	 * @param row the row
	 * @return the update count of each leading statement
	 * @throws SQLException if the database rejects a statement
	 */
	int[] append(List<String> leading, HistoryRow row) throws SQLException {
		int[] counts = new int[leading.size()];
		if (leading.isEmpty() || !this.dialect.sendsStatementsTogether()) {
			try (Statement statement = this.connection.createStatement()) {
				for (int i = 0; i < counts.length; i++) {
					counts[i] = statement.executeUpdate(leading.get(i));
				}
			}
			append(row);
			return counts;
		}
		String sql = String.join("; ", leading) + "; " + this.insertSql;
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			bind(statement, row, this.utc);
			statement.execute();
			for (int i = 0; i < counts.length; i++) {
				counts[i] = statement.getUpdateCount();
				statement.getMoreResults();
			}
		}
		return counts;
	}

	/**
	 * Runs statements, inserts a row and commits, all in one round trip: for an engine whose driver sends the
	 * statements together and whose server runs none after a failure ({@link Dialect#stopsAtFirstFailure()}), so
	 * the {@code COMMIT} runs only when everything before it succeeded. The row's execution time is its value
	 * plus the server's time in the transaction, which includes the statements'.
	 * @param leading the statements, without parameters, none with a {@code ?}
	 * @param row the row
	 * @throws SQLException if the database rejects a statement: nothing was committed
	 */
	void appendAndCommit(List<String> leading, HistoryRow row) throws SQLException {
		// A line break after each statement ends a trailing line comment.
		String sql = String.join(";\n", leading) + ";\n" + this.timedInsertSql + ";\n"
				+ this.dialect.commitTransaction();
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			bind(statement, row, this.utc);
			statement.execute();
		}
	}

	/**
	 * Inserts rows as one batch, which the drivers send in one round trip.
	 * @param rows the rows
	 * @throws SQLException if the database rejects one
	 */
	void appendAll(List<HistoryRow> rows) throws SQLException {
		if (rows.size() == 1) {
			append(rows.get(0));
			return;
		}
		try (PreparedStatement statement = this.connection.prepareStatement(this.insertSql)) {
			for (HistoryRow row : rows) {
				bind(statement, row, this.utc);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * Inserts a row and returns its id: the generated key where the driver reports it, else the highest id (the
	 * caller holds the migration lock, so that is this row's).
	 * @param row the row
	 * @return the new row's id
	 * @throws SQLException if the database rejects it
	 */
	long insert(HistoryRow row) throws SQLException {
		if (this.keyedInsert == null) {
			this.keyedInsert = this.connection.prepareStatement(this.insertSql, new String[] { "id" });
		}
		bind(this.keyedInsert, row, this.utc);
		this.keyedInsert.executeUpdate();
		try (ResultSet keys = this.keyedInsert.getGeneratedKeys()) {
			if (keys != null && keys.next()) {
				return keys.getLong(1);
			}
		}
		return maxId();
	}

	/**
	 * Records progress of a step that runs outside a transaction.
	 * @param id the row
	 * @param statementsDone how many statements have been committed
	 * @param progressChecksum the checksum of those statements
	 * @throws SQLException if the database rejects it
	 */
	void progress(long id, int statementsDone, String progressChecksum) throws SQLException {
		if (this.progress == null) {
			this.progress = this.connection.prepareStatement(this.progressSql);
		}
		this.progress.setInt(1, statementsDone);
		this.progress.setString(2, progressChecksum);
		this.progress.setLong(3, id);
		this.progress.executeUpdate();
	}

	/**
	 * Completes a row written by {@link #insert}: success or failure, duration, rows after, progress.
	 * @param id the row
	 * @param row the final values
	 * @throws SQLException if the database rejects it
	 */
	void complete(long id, HistoryRow row) throws SQLException {
		if (this.complete == null) {
			this.complete = this.connection.prepareStatement(this.completeSql);
		}
		this.complete.setString(1, String.join(",", row.versionAfter()));
		this.complete.setLong(2, row.executionMillis());
		this.complete.setBoolean(3, row.success());
		this.complete.setString(4, row.error());
		setInteger(this.complete, 5, row.failedStatement());
		this.complete.setInt(6, row.statementsDone());
		this.complete.setString(7, row.progressChecksum());
		this.complete.setLong(8, id);
		this.complete.executeUpdate();
	}

	/**
	 * Runs statements, completes a row written by {@link #insert} and, when there is one, inserts the next step's
	 * in-progress row, without committing. On MySQL and MariaDB, whose driver sends a statement batch in one round
	 * trip, a successful row's completion and an in-progress row whose values need no quoting rules (revision
	 * ids, numbers, hex checksums, text without quotes, backslashes or control characters) are written with
	 * literals and batched with the statements; elsewhere, or for a failure, the statements run one by one. The
	 * server runs every statement of a batch even after one fails, so the caller commits only when none did.
	 * @param leading the statements, without parameters
	 * @param id the row
	 * @param row the final values
	 * @param next the next step's in-progress row, or {@code null}
	 * @return the update count of each leading statement and the next row's id
	 * @throws SQLException if the database rejects a statement
	 */
	Completion complete(List<String> leading, long id, HistoryRow row, HistoryRow next) throws SQLException {
		int[] counts = new int[leading.size()];
		String completion = this.dialect.pipelinesLiteralBatches() ? literalCompletion(id, row) : null;
		String opening = (completion != null && next != null) ? literalInsert(next) : null;
		try (Statement statement = this.connection.createStatement()) {
			if (completion == null || (next != null && opening == null)) {
				for (int i = 0; i < counts.length; i++) {
					counts[i] = statement.executeUpdate(leading.get(i));
				}
				complete(id, row);
				return new Completion(counts, (next != null) ? insert(next) : -1);
			}
			for (String sql : leading) {
				statement.addBatch(sql);
			}
			statement.addBatch(completion);
			if (opening != null) {
				statement.addBatch(opening);
			}
			int[] batch = statement.executeBatch();
			System.arraycopy(batch, 0, counts, 0, counts.length);
			if (opening == null) {
				return new Completion(counts, -1);
			}
			long nextId = -1;
			try (ResultSet keys = statement.getGeneratedKeys()) {
				while (keys != null && keys.next()) {
					nextId = keys.getLong(1);
				}
			}
			return new Completion(counts, (nextId > 0) ? nextId : maxId());
		}
	}

	/**
	 * What {@link #complete(List, long, HistoryRow, HistoryRow)} reports.
	 *
	 * @param counts the update count of each leading statement
	 * @param nextId the id of the next step's in-progress row, or {@code -1} when there was none
	 */
	record Completion(int[] counts, long nextId) {

	}

	/**
	 * The completion of a successful row as a statement with literals, or {@code null} when a value is not one
	 * that needs no quoting rules.
	 */
	private String literalCompletion(long id, HistoryRow row) {
		String versionAfter = String.join(",", row.versionAfter());
		String checksum = row.progressChecksum();
		if (!row.success() || row.error() != null || row.failedStatement() != null
				|| !SAFE_LITERAL.matcher(versionAfter).matches()
				|| (checksum != null && !SAFE_LITERAL.matcher(checksum).matches())) {
			return null;
		}
		return "UPDATE " + this.name + " SET " + this.dialect.quote("version_after") + " = '" + versionAfter + "', "
				+ this.dialect.quote("execution_ms") + " = " + row.executionMillis() + ", "
				+ this.dialect.quote("success") + " = TRUE, " + this.dialect.quote("error") + " = NULL, "
				+ this.dialect.quote("failed_statement") + " = NULL, " + this.dialect.quote("statements_done") + " = "
				+ row.statementsDone() + ", " + this.dialect.quote("progress_checksum") + " = "
				+ ((checksum != null) ? "'" + checksum + "'" : "NULL") + " WHERE " + this.dialect.quote("id") + " = "
				+ id;
	}

	/**
	 * An insert of the row as a statement with literals, in the columns' order, or {@code null} when a value is
	 * not one that needs no quoting rules. The start time is written as the driver binds it: UTC, microseconds.
	 */
	private String literalInsert(HistoryRow row) {
		// In HistoryTable.COLUMNS' order; null where a value would need quoting rules.
		List<String> values = Arrays.asList(literal(row.revision(), SAFE_LITERAL),
				literal(row.direction().verb(), SAFE_LITERAL), literal(String.join(",", row.versionBefore()), SAFE_LITERAL),
				literal(String.join(",", row.versionAfter()), SAFE_LITERAL), literal(row.message(), PLAIN_TEXT),
				literal(row.script(), PLAIN_TEXT), literal(row.checksum(), PLAIN_TEXT),
				"'" + STARTED_AT.format(row.startedAt()) + "'", Long.toString(row.executionMillis()),
				literal(row.installedBy(), PLAIN_TEXT), row.success() ? "TRUE" : "FALSE",
				literal(row.error(), PLAIN_TEXT),
				(row.failedStatement() != null) ? row.failedStatement().toString() : "NULL",
				Integer.toString(row.statementsDone()), literal(row.progressChecksum(), SAFE_LITERAL));
		if (values.contains(null)) {
			return null;
		}
		return insert(values);
	}

	// An insert of every column, in HistoryTable.COLUMNS' order, with these value expressions.
	private String insert(List<String> values) {
		return this.insertPrefix + String.join(", ", values) + ")";
	}

	private static String literal(String value, Pattern allowed) {
		if (value == null) {
			return "NULL";
		}
		return allowed.matcher(value).matches() ? "'" + value + "'" : null;
	}

	private long maxId() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT MAX(" + this.dialect.quote("id") + ") FROM " + this.name)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static void bind(PreparedStatement statement, HistoryRow row, Calendar utc) throws SQLException {
		statement.setString(1, row.revision());
		statement.setString(2, row.direction().verb());
		statement.setString(3, String.join(",", row.versionBefore()));
		statement.setString(4, String.join(",", row.versionAfter()));
		statement.setString(5, row.message());
		statement.setString(6, row.script());
		statement.setString(7, row.checksum());
		statement.setTimestamp(8, Timestamp.from(row.startedAt()), utc);
		statement.setLong(9, row.executionMillis());
		statement.setString(10, row.installedBy());
		statement.setBoolean(11, row.success());
		statement.setString(12, row.error());
		setInteger(statement, 13, row.failedStatement());
		statement.setInt(14, row.statementsDone());
		statement.setString(15, row.progressChecksum());
	}

	private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
		if (value != null) {
			statement.setInt(index, value);
		}
		else {
			statement.setNull(index, Types.INTEGER);
		}
	}

	@Override
	public void close() {
		for (PreparedStatement statement : new PreparedStatement[] { this.insert, this.keyedInsert, this.progress,
				this.complete }) {
			if (statement != null) {
				try {
					statement.close();
				}
				catch (SQLException ex) {
					// The connection is closing or broken; nothing to keep.
				}
			}
		}
	}

}
