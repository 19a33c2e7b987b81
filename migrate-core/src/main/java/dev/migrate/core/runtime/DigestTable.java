package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.dialect.Dialect;

/**
 * The digest table, {@code <version table>_digest}: one row saying which scripts (by
 * {@link dev.migrate.core.script.ScriptDirectory#digest() digest}) were last validated against this database, at
 * which version rows and with which newest history row. Every command that changes the version rows or runs a
 * revision adds a history row, and {@code repair}, which rewrites history rows, deletes the digest row; so when
 * the digest, the version rows and the newest history row are all as recorded, the history still validates
 * against those scripts, and reading one row replaces reading them all.
 */
final class DigestTable {

	private final Dialect dialect;

	private final String schema;

	private final String table;

	private final String name;

	private final String historyName;

	private final String versionName;

	private DigestTable(Dialect dialect, String schema, String table, String historyTable, String versionTable) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
		this.name = dialect.qualify(schema, table);
		this.historyName = dialect.qualify(schema, historyTable);
		this.versionName = dialect.qualify(schema, versionTable);
	}

	/**
	 * The digest table beside a configuration's version and history tables.
	 * @param dialect the dialect
	 * @param schema the schema of migrate's tables, or {@code null} to name them without one
	 * @param config the configuration (its version and history table names)
	 * @return the table
	 */
	static DigestTable of(Dialect dialect, String schema, MigrateConfig config) {
		return new DigestTable(dialect, schema, config.versionTable() + "_digest", config.historyTable(),
				config.versionTable());
	}

	/**
	 * The version rows with the recorded state and the newest history row now, in one round trip and without
	 * asking the driver's metadata whether the tables exist: what a boot with nothing to do reads.
	 * @param connection a connection in auto-commit mode
	 * @return the reading, or {@code null} when there is no recorded state, no version row or no table yet
	 */
	Reading readWithVersionRows(Connection connection) {
		String id = this.dialect.quote("id");
		List<String> versionRows = new ArrayList<>();
		State stored = null;
		long mark = 0;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT v." + this.dialect.quote("version_num") + ", d."
						+ this.dialect.quote("scripts_digest") + ", d." + this.dialect.quote("version_rows") + ", d."
						+ this.dialect.quote("history_mark") + ", (SELECT MAX(" + id + ") FROM " + this.historyName
						+ ") FROM " + this.versionName + " v CROSS JOIN " + this.name + " d WHERE d." + id + " = 1")) {
			while (result.next()) {
				versionRows.add(result.getString(1).trim());
				if (stored == null) {
					String rows = result.getString(3);
					stored = new State(result.getString(2),
							(rows == null || rows.isBlank()) ? List.of() : List.of(rows.strip().split(" ")),
							result.getLong(4));
					mark = result.getLong(5);
				}
			}
		}
		catch (SQLException ex) {
			// A table is missing: the scripts are validated the usual way.
			return null;
		}
		if (stored == null) {
			return null;
		}
		return new Reading(stored, mark, List.copyOf(new TreeSet<>(versionRows)));
	}

	/**
	 * What was recorded and what the history holds now, in one round trip.
	 * @param connection a connection in auto-commit mode
	 * @return the reading, or {@code null} when there is no row (or no table yet)
	 */
	Reading read(Connection connection) {
		String id = this.dialect.quote("id");
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT " + this.dialect.quote("scripts_digest") + ", "
						+ this.dialect.quote("version_rows") + ", " + this.dialect.quote("history_mark") + ", (SELECT MAX("
						+ id + ") FROM " + this.historyName + ") FROM " + this.name + " WHERE " + id + " = 1")) {
			if (!result.next()) {
				return null;
			}
			String rows = result.getString(2);
			State stored = new State(result.getString(1),
					(rows == null || rows.isBlank()) ? List.of() : List.of(rows.strip().split(" ")), result.getLong(3));
			return new Reading(stored, result.getLong(4), null);
		}
		catch (SQLException ex) {
			// No digest table yet (or no history table): the scripts are validated the usual way.
			return null;
		}
	}

	/**
	 * @param connection a connection
	 * @return the id of the newest history row, or 0 when there is none
	 * @throws SQLException if the driver fails
	 */
	long historyMark(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT MAX(" + this.dialect.quote("id") + ") FROM " + this.historyName)) {
			return result.next() ? result.getLong(1) : 0;
		}
	}

	/**
	 * Records a validated state, creating the table when missing.
	 * @param connection a connection in auto-commit mode, holding the migration lock
	 * @param state the state
	 * @throws SQLException if the database rejects a statement
	 */
	void write(Connection connection, State state) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(this.dialect.createDigestTable(this.schema, this.table));
			statement.executeUpdate("DELETE FROM " + this.name);
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.name + " ("
				+ this.dialect.quote("id") + ", " + this.dialect.quote("scripts_digest") + ", "
				+ this.dialect.quote("version_rows") + ", " + this.dialect.quote("history_mark") + ") VALUES (1, ?, ?, ?)")) {
			insert.setString(1, state.scriptsDigest());
			insert.setString(2, String.join(" ", state.versionRows()));
			insert.setLong(3, state.historyMark());
			insert.executeUpdate();
		}
	}

	/**
	 * @param connection a connection
	 * @return whether the table exists
	 * @throws SQLException if the driver fails
	 */
	boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.schema, this.table);
	}

	/**
	 * Forgets the recorded state, for a command that rewrites history rows.
	 * @param connection a connection in auto-commit mode
	 * @throws SQLException if the driver fails
	 */
	void clear(Connection connection) throws SQLException {
		if (exists(connection)) {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("DELETE FROM " + this.name);
			}
		}
	}

	/**
	 * A validated state.
	 *
	 * @param scriptsDigest the digest of the scripts validated
	 * @param versionRows the version rows then, sorted
	 * @param historyMark the id of the newest history row then
	 */
	record State(String scriptsDigest, List<String> versionRows, long historyMark) {

	}

	/**
	 * The recorded state and the newest history row now.
	 *
	 * @param stored the recorded state
	 * @param historyMark the id of the newest history row now
	 * @param versionRows the version rows now, sorted, when read with them, else {@code null}
	 */
	record Reading(State stored, long historyMark, List<String> versionRows) {

	}

}
