package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import dev.migrate.core.CommandKind;
import dev.migrate.core.dialect.Dialect;

/**
 * The history table: one row per step run, reverted or stamped, successful or not. This class names the table,
 * creates it and reads it; a run writes its rows through a {@link HistoryWriter} ({@link #writer}).
 */
final class HistoryTable {

	// The columns every row has, in the order the writer binds them and the reader reads them after the id.
	static final List<String> COLUMNS = List.of("revision", "direction", "version_before", "version_after",
			"message", "script", "checksum", "started_at", "execution_ms", "installed_by", "success", "error",
			"failed_statement", "statements_done", "progress_checksum");

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

	Dialect dialect() {
		return this.dialect;
	}

	/**
	 * @return the table's name as SQL spells it: quoted where needed, with its schema
	 */
	String qualifiedName() {
		return this.name;
	}

	String createSql() {
		return this.dialect.createHistoryTable(this.schema, this.table);
	}

	boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.schema, this.table);
	}

	/**
	 * Opens a writer that keeps its statements prepared on one connection, for a run that writes a row or two
	 * per step.
	 * @param connection the connection
	 * @return the writer, to close when the run ends
	 */
	HistoryWriter writer(Connection connection) {
		return new HistoryWriter(this, connection);
	}

	/**
	 * Reads rows, newest first.
	 * @param connection the connection
	 * @param limit the most rows to read, or {@code 0} for all
	 * @return the rows, or nothing when the table does not exist
	 * @throws SQLException if the driver fails
	 */
	List<HistoryRow> read(Connection connection, int limit) throws SQLException {
		// The limit in the query: the engine then reads the newest rows by the primary key, not all of them.
		return this.dialect.readIfExists(connection, this.schema, this.table,
				() -> select(connection, "SELECT " + columns() + " FROM " + this.name + " ORDER BY "
						+ this.dialect.quote("id") + " DESC" + ((limit > 0) ? this.dialect.firstRows(limit) : ""),
						List.of()),
				List.of());
	}

	/**
	 * Reads the rows with the given ids, newest first: a lookup by primary key, for a report that shows a few.
	 * @param connection the connection
	 * @param ids the ids (at most a page of them)
	 * @return the rows that exist, or nothing when the table does not exist
	 * @throws SQLException if the driver fails
	 */
	List<HistoryRow> readIds(Connection connection, Collection<Long> ids) throws SQLException {
		if (ids.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
		return this.dialect.readIfExists(connection, this.schema, this.table,
				() -> select(connection, "SELECT " + columns() + " FROM " + this.name + " WHERE "
						+ this.dialect.quote("id") + " IN (" + marks + ") ORDER BY " + this.dialect.quote("id")
						+ " DESC", List.copyOf(ids)),
				List.of());
	}

	private String columns() {
		return this.dialect.quote("id") + ", " + String.join(", ", COLUMNS.stream().map(this.dialect::quote).toList());
	}

	private static List<HistoryRow> select(Connection connection, String sql, List<Long> ids) throws SQLException {
		List<HistoryRow> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < ids.size(); i++) {
				statement.setLong(i + 1, ids.get(i));
			}
			try (ResultSet result = statement.executeQuery()) {
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
	List<HistoryRow> readForValidation(Connection connection) throws SQLException {
		return this.dialect.readIfExists(connection, this.schema, this.table, () -> {
			List<HistoryRow> rows = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT " + this.dialect.quote("revision") + ", "
							+ this.dialect.quote("direction") + ", " + this.dialect.quote("success") + ", "
							+ this.dialect.quote("checksum") + " FROM " + this.name + " ORDER BY "
							+ this.dialect.quote("id") + " DESC")) {
				while (result.next()) {
					rows.add(HistoryRow.forValidation(result.getString(1), CommandKind.ofVerb(result.getString(2)),
							result.getBoolean(3), result.getString(4)));
				}
			}
			return rows;
		}, List.of());
	}

	/**
	 * The newest row of each revision written after the newest stamp (a stamp settles any earlier state).
	 * @param connection the connection
	 * @return the rows by revision id
	 * @throws SQLException if the driver fails
	 */
	Map<String, HistoryRow> latestSinceLastStamp(Connection connection) throws SQLException {
		Map<String, HistoryRow> latest = new HashMap<>();
		for (HistoryRow row : read(connection, 0)) {
			if (row.direction() == CommandKind.STAMP) {
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

	private static HistoryRow row(ResultSet result) throws SQLException {
		Timestamp startedAt = result.getTimestamp(9, utc());
		int failed = result.getInt(14);
		Integer failedStatement = result.wasNull() ? null : failed;
		return new HistoryRow(result.getLong(1), result.getString(2), CommandKind.ofVerb(result.getString(3)),
				split(result.getString(4)), split(result.getString(5)), result.getString(6), result.getString(7),
				result.getString(8), (startedAt != null) ? startedAt.toInstant() : null, result.getLong(10),
				result.getString(11), result.getBoolean(12), result.getString(13), failedStatement,
				result.getInt(15), result.getString(16));
	}

	private static List<String> split(String rows) {
		if (rows == null || rows.isBlank()) {
			return List.of();
		}
		return List.of(rows.split(","));
	}

	/**
	 * @return a calendar in UTC, which the table's timestamps are written and read in
	 */
	static Calendar utc() {
		return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
	}

}
