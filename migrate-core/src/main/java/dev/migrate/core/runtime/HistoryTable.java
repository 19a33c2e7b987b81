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

import dev.migrate.core.HistoryEntry;
import dev.migrate.core.dialect.Dialect;

/**
 * The history table: one row per step run, reverted or stamped, successful or not. Rows of steps that run
 * outside a transaction are written first and then updated after every statement, so a failed or killed run
 * leaves how far it got.
 */
final class HistoryTable {

	static final String IN_PROGRESS = "in progress (interrupted before it finished)";

	private static final String[] COLUMNS = { "revision", "direction", "version_before", "version_after", "message",
			"script", "checksum", "started_at", "execution_ms", "installed_by", "success", "error",
			"failed_statement", "statements_done", "progress_checksum" };

	private final Dialect dialect;

	private final String schema;

	private final String table;

	private final String name;

	HistoryTable(Dialect dialect, String schema, String table) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
		this.name = dialect.qualify(schema, table);
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.table : this.table;
	}

	String createSql() {
		return this.dialect.createHistoryTable(this.schema, this.table);
	}

	boolean exists(Connection connection) throws SQLException {
		return VersionTable.tableExists(connection, this.dialect, this.schema, this.table);
	}

	/**
	 * Inserts a row. The caller holds the migration lock, so the highest id afterwards is this row's.
	 * @param connection the connection
	 * @param row the row
	 * @return the new row's id
	 * @throws SQLException if the database rejects it
	 */
	long insert(Connection connection, Row row) throws SQLException {
		append(connection, row);
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT MAX(" + this.dialect.quote("id") + ") FROM " + this.name)) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Inserts a row whose id is not needed.
	 * @param connection the connection
	 * @param row the row
	 * @throws SQLException if the database rejects it
	 */
	void append(Connection connection, Row row) throws SQLException {
		String columns = String.join(", ", Arrays.stream(COLUMNS).map(this.dialect::quote).toList());
		String marks = String.join(", ", Arrays.stream(COLUMNS).map((column) -> "?").toList());
		try (PreparedStatement statement = connection
				.prepareStatement("INSERT INTO " + this.name + " (" + columns + ") VALUES (" + marks + ")")) {
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
			statement.executeUpdate();
		}
	}

	/**
	 * Records progress of a step that runs outside a transaction.
	 * @param connection the connection
	 * @param id the row
	 * @param statementsDone how many statements have been committed
	 * @param progressChecksum the checksum of those statements
	 * @throws SQLException if the database rejects it
	 */
	void progress(Connection connection, long id, int statementsDone, String progressChecksum) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.name + " SET "
				+ this.dialect.quote("statements_done") + " = ?, " + this.dialect.quote("progress_checksum")
				+ " = ? WHERE " + this.dialect.quote("id") + " = ?")) {
			statement.setInt(1, statementsDone);
			statement.setString(2, progressChecksum);
			statement.setLong(3, id);
			statement.executeUpdate();
		}
	}

	/**
	 * Completes a row written by {@link #insert}: success or failure, duration, rows after.
	 * @param connection the connection
	 * @param id the row
	 * @param row the final values
	 * @throws SQLException if the database rejects it
	 */
	void complete(Connection connection, long id, Row row) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.name + " SET "
				+ this.dialect.quote("version_after") + " = ?, " + this.dialect.quote("execution_ms") + " = ?, "
				+ this.dialect.quote("success") + " = ?, " + this.dialect.quote("error") + " = ?, "
				+ this.dialect.quote("failed_statement") + " = ?, " + this.dialect.quote("statements_done")
				+ " = ?, " + this.dialect.quote("progress_checksum") + " = ? WHERE " + this.dialect.quote("id")
				+ " = ?")) {
			statement.setString(1, String.join(",", row.versionAfter()));
			statement.setLong(2, row.executionMillis());
			statement.setBoolean(3, row.success());
			statement.setString(4, row.error());
			setInteger(statement, 5, row.failedStatement());
			statement.setInt(6, row.statementsDone());
			statement.setString(7, row.progressChecksum());
			statement.setLong(8, id);
			statement.executeUpdate();
		}
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
	 * The newest row of each revision written after the newest stamp (a stamp settles any earlier state).
	 * @param connection the connection
	 * @return the rows by revision id
	 * @throws SQLException if the driver fails
	 */
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
