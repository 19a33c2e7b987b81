package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Pattern;

import dev.migrate.core.HistoryEntry;
import dev.migrate.core.dialect.Dialect;

/**
 * The history table: one row per step run, reverted or stamped, successful or not. Rows of steps that run
 * outside a transaction are written first and then updated as their statements commit, so a failed or killed
 * run leaves how far it got. A run writes through a {@link Writer}, which prepares its statements once.
 */
final class HistoryTable {

	static final String IN_PROGRESS = "in progress (interrupted before it finished)";

	private static final String[] COLUMNS = { "revision", "direction", "version_before", "version_after", "message",
			"script", "checksum", "started_at", "execution_ms", "installed_by", "success", "error",
			"failed_statement", "statements_done", "progress_checksum" };

	// Revision ids (comma-separated) and hex checksums: written as literals without any quoting rules.
	private static final Pattern SAFE_LITERAL = Pattern.compile("[A-Za-z0-9_,]*");

	private final Dialect dialect;

	private final String schema;

	private final String table;

	private final String name;

	// Built once: a run writes one or two rows per step.
	private final String insertSql;

	private final String progressSql;

	private final String completeSql;

	HistoryTable(Dialect dialect, String schema, String table) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
		this.name = dialect.qualify(schema, table);
		this.insertSql = "INSERT INTO " + this.name + " ("
				+ String.join(", ", Arrays.stream(COLUMNS).map(dialect::quote).toList()) + ") VALUES ("
				+ String.join(", ", Arrays.stream(COLUMNS).map((column) -> "?").toList()) + ")";
		this.progressSql = "UPDATE " + this.name + " SET " + set("statements_done", "progress_checksum")
				+ " WHERE " + dialect.quote("id") + " = ?";
		this.completeSql = "UPDATE " + this.name + " SET " + set("version_after", "execution_ms", "success", "error",
				"failed_statement", "statements_done", "progress_checksum") + " WHERE " + dialect.quote("id")
				+ " = ?";
	}

	private String set(String... columns) {
		return String.join(", ", Arrays.stream(columns).map((column) -> this.dialect.quote(column) + " = ?").toList());
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.table : this.table;
	}

	String createSql() {
		return this.dialect.createHistoryTable(this.schema, this.table);
	}

	boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.schema, this.table);
	}

	/**
	 * Inserts a row whose id is not needed.
	 * @param connection the connection
	 * @param row the row
	 * @throws SQLException if the database rejects it
	 */
	void append(Connection connection, Row row) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(this.insertSql)) {
			bind(statement, row);
			statement.executeUpdate();
		}
	}

	/**
	 * Opens a writer that keeps its statements prepared on one connection, for a run that writes a row or two
	 * per step.
	 * @param connection the connection
	 * @return the writer, to close when the run ends
	 */
	Writer writer(Connection connection) {
		return new Writer(connection);
	}

	/**
	 * The completion of a successful row as a statement with literals, or {@code null} when a value is not
	 * one that needs no quoting rules.
	 */
	private String literalCompletion(long id, Row row) {
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
				+ ((checksum != null) ? "'" + checksum + "'" : "NULL") + " WHERE " + this.dialect.quote("id")
				+ " = " + id;
	}

	private void bind(PreparedStatement statement, Row row) throws SQLException {
		statement.setString(1, row.revision());
		statement.setString(2, row.direction());
		statement.setString(3, String.join(",", row.versionBefore()));
		statement.setString(4, String.join(",", row.versionAfter()));
		statement.setString(5, row.message());
		statement.setString(6, row.script());
		statement.setString(7, row.checksum());
		statement.setTimestamp(8, Timestamp.from(row.startedAt()), utc());
		statement.setLong(9, row.executionMillis());
		statement.setString(10, row.installedBy());
		statement.setBoolean(11, row.success());
		statement.setString(12, row.error());
		setInteger(statement, 13, row.failedStatement());
		statement.setInt(14, row.statementsDone());
		statement.setString(15, row.progressChecksum());
	}

	/**
	 * Reads rows, newest first.
	 * @param connection the connection
	 * @param limit the most rows to read, or {@code 0} for all
	 * @return the rows, or nothing when the table does not exist
	 * @throws SQLException if the driver fails
	 */
	List<Row> read(Connection connection, int limit) throws SQLException {
		if (!exists(connection)) {
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			if (limit > 0) {
				statement.setMaxRows(limit);
			}
			String columns = this.dialect.quote("id") + ", "
					+ String.join(", ", Arrays.stream(COLUMNS).map(this.dialect::quote).toList());
			try (ResultSet result = statement.executeQuery(
					"SELECT " + columns + " FROM " + this.name + " ORDER BY " + this.dialect.quote("id") + " DESC")) {
				while (result.next()) {
					rows.add(row(result));
				}
			}
		}
		return rows;
	}

	/**
	 * Reads what validation compares, newest first: each row's revision, direction, success and checksum, the
	 * other fields left empty. A fraction of {@link #read}'s cost on the thousand rows every boot reads; a
	 * validation that finds a problem reads the whole rows again for its message.
	 * @param connection the connection
	 * @return the rows, or none when the table does not exist
	 * @throws SQLException on a database error
	 */
	List<Row> readForValidation(Connection connection) throws SQLException {
		if (!exists(connection)) {
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT " + this.dialect.quote("revision") + ", "
						+ this.dialect.quote("direction") + ", " + this.dialect.quote("success") + ", "
						+ this.dialect.quote("checksum") + " FROM " + this.name + " ORDER BY "
						+ this.dialect.quote("id") + " DESC")) {
			while (result.next()) {
				rows.add(new Row(0, result.getString(1), result.getString(2), List.of(), List.of(), null, null,
						result.getString(4), null, 0, null, result.getBoolean(3), null, null, 0, null));
			}
		}
		return rows;
	}

	/**
	 * The newest row of each revision written after the newest stamp (a stamp settles any earlier state).
	 * @param connection the connection
	 * @return the rows by revision id
	 * @throws SQLException if the driver fails
	 */
	Map<String, Row> latestSinceLastStamp(Connection connection) throws SQLException {
		Map<String, Row> latest = new HashMap<>();
		for (Row row : read(connection, 0)) {
			if ("stamp".equals(row.direction())) {
				break;
			}
			latest.putIfAbsent(row.revision(), row);
		}
		return latest;
	}

	/**
	 * Replaces the checksum a row stored, for {@code repair}.
	 * @param connection the connection
	 * @param id the row's id
	 * @param checksum the new checksum
	 * @throws SQLException if the driver fails
	 */
	void replaceChecksum(Connection connection, long id, String checksum) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.name + " SET "
				+ this.dialect.quote("checksum") + " = ? WHERE " + this.dialect.quote("id") + " = ?")) {
			statement.setString(1, checksum);
			statement.setLong(2, id);
			statement.executeUpdate();
		}
	}

	/**
	 * Deletes a row, for {@code repair}.
	 * @param connection the connection
	 * @param id the row's id
	 * @throws SQLException if the driver fails
	 */
	void delete(Connection connection, long id) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.name + " WHERE " + this.dialect.quote("id") + " = ?")) {
			statement.setLong(1, id);
			statement.executeUpdate();
		}
	}

	private static Row row(ResultSet result) throws SQLException {
		Timestamp startedAt = result.getTimestamp(9, utc());
		int failed = result.getInt(14);
		Integer failedStatement = result.wasNull() ? null : failed;
		return new Row(result.getLong(1), result.getString(2), result.getString(3), split(result.getString(4)),
				split(result.getString(5)), result.getString(6), result.getString(7), result.getString(8),
				(startedAt != null) ? startedAt.toInstant() : null, result.getLong(10), result.getString(11),
				result.getBoolean(12), result.getString(13), failedStatement, result.getInt(15),
				result.getString(16));
	}

	private static List<String> split(String rows) {
		if (rows == null || rows.isBlank()) {
			return List.of();
		}
		return List.of(rows.split(","));
	}

	private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
		if (value != null) {
			statement.setInt(index, value);
		}
		else {
			statement.setNull(index, Types.INTEGER);
		}
	}

	private static Calendar utc() {
		return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
	}

	/**
	 * Writes rows through statements prepared once per connection. Not thread-safe, like the connection.
	 */
	final class Writer implements AutoCloseable {

		private final Connection connection;

		private PreparedStatement insert;

		private PreparedStatement keyedInsert;

		private PreparedStatement progress;

		private PreparedStatement complete;

		private Writer(Connection connection) {
			this.connection = connection;
		}

		/**
		 * Inserts a row whose id is not needed.
		 * @param row the row
		 * @throws SQLException if the database rejects it
		 */
		void append(Row row) throws SQLException {
			if (this.insert == null) {
				this.insert = this.connection.prepareStatement(HistoryTable.this.insertSql);
			}
			bind(this.insert, row);
			this.insert.executeUpdate();
		}

		/**
		 * Runs statements and then inserts a row. On PostgreSQL, whose driver takes several statements in one
		 * prepared statement, they go to the server together, in one round trip; elsewhere one by one.
		 * @param leading the statements, without parameters
		 * @param row the row
		 * @return the update count of each leading statement
		 * @throws SQLException if the database rejects a statement
		 */
		int[] append(List<String> leading, Row row) throws SQLException {
			int[] counts = new int[leading.size()];
			if (leading.isEmpty() || !HistoryTable.this.dialect.sendsStatementsTogether()) {
				try (Statement statement = this.connection.createStatement()) {
					for (int i = 0; i < counts.length; i++) {
						counts[i] = statement.executeUpdate(leading.get(i));
					}
				}
				append(row);
				return counts;
			}
			String sql = String.join("; ", leading) + "; " + HistoryTable.this.insertSql;
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				bind(statement, row);
				statement.execute();
				for (int i = 0; i < counts.length; i++) {
					counts[i] = statement.getUpdateCount();
					statement.getMoreResults();
				}
			}
			return counts;
		}

		/**
		 * Inserts rows as one batch, which the drivers send in one round trip.
		 * @param rows the rows
		 * @throws SQLException if the database rejects one
		 */
		void appendAll(List<Row> rows) throws SQLException {
			if (rows.size() == 1) {
				append(rows.get(0));
				return;
			}
			try (PreparedStatement statement = this.connection.prepareStatement(HistoryTable.this.insertSql)) {
				for (Row row : rows) {
					bind(statement, row);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}

		/**
		 * Inserts a row and returns its id: the generated key where the driver reports it, else the highest
		 * id (the caller holds the migration lock, so that is this row's).
		 * @param row the row
		 * @return the new row's id
		 * @throws SQLException if the database rejects it
		 */
		long insert(Row row) throws SQLException {
			if (this.keyedInsert == null) {
				this.keyedInsert = this.connection.prepareStatement(HistoryTable.this.insertSql,
						new String[] { "id" });
			}
			bind(this.keyedInsert, row);
			this.keyedInsert.executeUpdate();
			try (ResultSet keys = this.keyedInsert.getGeneratedKeys()) {
				if (keys != null && keys.next()) {
					return keys.getLong(1);
				}
			}
			try (Statement statement = this.connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT MAX(" + HistoryTable.this.dialect.quote("id")
							+ ") FROM " + HistoryTable.this.name)) {
				result.next();
				return result.getLong(1);
			}
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
				this.progress = this.connection.prepareStatement(HistoryTable.this.progressSql);
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
		void complete(long id, Row row) throws SQLException {
			if (this.complete == null) {
				this.complete = this.connection.prepareStatement(HistoryTable.this.completeSql);
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
		 * Runs statements and then completes a row written by {@link #insert}. On MySQL and MariaDB, whose
		 * driver sends a statement batch in one round trip, a successful row's completion (revision ids,
		 * numbers and a hex checksum, nothing free-form) is written with literals and batched with them;
		 * elsewhere, or for a failure, the statements run one by one.
		 * @param leading the statements, without parameters
		 * @param id the row
		 * @param row the final values
		 * @return the update count of each leading statement
		 * @throws SQLException if the database rejects a statement
		 */
		int[] complete(List<String> leading, long id, Row row) throws SQLException {
			int[] counts = new int[leading.size()];
			String literal = HistoryTable.this.dialect.pipelinesLiteralBatches() ? literalCompletion(id, row) : null;
			try (Statement statement = this.connection.createStatement()) {
				if (literal == null) {
					for (int i = 0; i < counts.length; i++) {
						counts[i] = statement.executeUpdate(leading.get(i));
					}
					complete(id, row);
					return counts;
				}
				for (String sql : leading) {
					statement.addBatch(sql);
				}
				statement.addBatch(literal);
				int[] batch = statement.executeBatch();
				System.arraycopy(batch, 0, counts, 0, counts.length);
				return counts;
			}
		}

		@Override
		public void close() {
			for (PreparedStatement statement : new PreparedStatement[] { this.insert, this.keyedInsert,
					this.progress, this.complete }) {
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

	/**
	 * One history row, with the progress columns the public {@link HistoryEntry} leaves out.
	 *
	 * @param id the id ({@code 0} before insertion)
	 * @param revision the revision id (for stamps, the target rows)
	 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param versionBefore rows before
	 * @param versionAfter rows after
	 * @param message the revision's message
	 * @param script the script file or class
	 * @param checksum the script's checksum
	 * @param startedAt when it started
	 * @param executionMillis how long it took
	 * @param installedBy {@code user@host}
	 * @param success whether it succeeded
	 * @param error the error, or {@code null}
	 * @param failedStatement the failed statement's index, or {@code null}
	 * @param statementsDone how many statements were committed outside a transaction
	 * @param progressChecksum the checksum of those statements
	 */
	record Row(long id, String revision, String direction, List<String> versionBefore, List<String> versionAfter,
			String message, String script, String checksum, Instant startedAt, long executionMillis,
			String installedBy, boolean success, String error, Integer failedStatement, int statementsDone,
			String progressChecksum) {

		HistoryEntry toEntry() {
			return new HistoryEntry(this.id, this.revision, this.direction, this.versionBefore, this.versionAfter,
					this.message, this.checksum, this.startedAt, this.executionMillis, this.installedBy, this.success,
					this.error, this.failedStatement);
		}

	}

}
