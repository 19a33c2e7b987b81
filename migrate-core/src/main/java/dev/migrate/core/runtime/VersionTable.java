package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.migrate.core.VersionTableException;
import dev.migrate.core.dialect.Dialect;

/**
 * The version table: one {@code version_num} row per current head, the shape of Alembic's
 * {@code alembic_version}, so a database Alembic managed can be adopted by naming its table.
 */
final class VersionTable {

	// Revision ids are plain names (see Revision); checked again here because they are written as literals.
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,32}");

	private final Dialect dialect;

	private final String schema;

	private final String table;

	VersionTable(Dialect dialect, String schema, String table) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
	}

	String name() {
		return (this.schema != null) ? this.schema + "." + this.table : this.table;
	}

	String createSql() {
		return this.dialect.createVersionTable(this.schema, this.table);
	}

	/**
	 * @param connection an open connection
	 * @return whether the table exists
	 * @throws SQLException if the driver fails
	 */
	boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.schema, this.table);
	}

	/**
	 * Reads the rows, or nothing when the table does not exist yet.
	 * @param connection an open connection
	 * @return the version rows, sorted
	 * @throws SQLException if the driver fails
	 */
	List<String> read(Connection connection) throws SQLException {
		return this.dialect.readIfExists(connection, this.schema, this.table, () -> {
			List<String> rows = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT " + this.dialect.quote("version_num") + " FROM "
							+ this.dialect.qualify(this.schema, this.table))) {
				while (result.next()) {
					rows.add(result.getString(1).trim());
				}
			}
			return List.copyOf(new TreeSet<>(rows));
		}, List.of());
	}

	/**
	 * Changes the rows from {@code before} to {@code after} as Alembic's {@code HeadMaintainer} does: one
	 * {@code UPDATE} per replaced head, a {@code DELETE} per head that goes, an {@code INSERT} per head that
	 * comes. Online, every {@code UPDATE} and {@code DELETE} must match exactly one row.
	 * @param sink where the statements go
	 * @param before the rows the step starts from
	 * @param after the rows the step ends with
	 * @throws SQLException if the database rejects a statement
	 */
	void update(SqlSink sink, Collection<String> before, Collection<String> after) throws SQLException {
		for (Change change : changes(before, after)) {
			int count = sink.execute(change.sql());
			if (sink.online()) {
				check(change, count);
			}
		}
	}

	/**
	 * The statements {@link #update} runs, for a caller that sends them with other statements.
	 * @param before the rows the step starts from
	 * @param after the rows the step ends with
	 * @return the statements, in order
	 */
	List<Change> changes(Collection<String> before, Collection<String> after) {
		List<String> removed = new ArrayList<>(new TreeSet<>(before));
		removed.removeAll(after);
		List<String> added = new ArrayList<>(new TreeSet<>(after));
		added.removeAll(before);
		String name = this.dialect.qualify(this.schema, this.table);
		String column = this.dialect.quote("version_num");
		List<Change> changes = new ArrayList<>();
		int pairs = Math.min(removed.size(), added.size());
		for (int i = 0; i < pairs; i++) {
			changes.add(new Change("UPDATE " + name + " SET " + column + " = " + literal(added.get(i)) + " WHERE "
					+ column + " = " + literal(removed.get(i)),
					"updating '" + removed.get(i) + "' to '" + added.get(i) + "'"));
		}
		for (String id : removed.subList(pairs, removed.size())) {
			changes.add(new Change("DELETE FROM " + name + " WHERE " + column + " = " + literal(id),
					"deleting '" + id + "'"));
		}
		for (String id : added.subList(pairs, added.size())) {
			changes.add(new Change("INSERT INTO " + name + " (" + column + ") VALUES (" + literal(id) + ")", null));
		}
		return changes;
	}

	/**
	 * Checks the update count of a change run online.
	 * @param change the change
	 * @param count its update count
	 * @throws VersionTableException if an {@code UPDATE} or {@code DELETE} did not match exactly one row
	 */
	void check(Change change, int count) {
		if (change.what() != null && count != 1) {
			throw new VersionTableException(mismatch(change, Integer.toString(count)), name());
		}
	}

	/**
	 * The change as a statement that fails on the server when it matches no row, for a step committed in the
	 * same round trip as its statements (see {@link Dialect#failUnlessRowChanged}); an {@code INSERT} as it is.
	 * @param change the change
	 * @return the statement, or {@code null} when the engine cannot check on the server
	 */
	String guarded(Change change) {
		return (change.what() != null) ? this.dialect.failUnlessRowChanged(change.sql(), mismatch(change, "none"))
				: change.sql();
	}

	private String mismatch(Change change, String found) {
		return "Online migration expected to match one row when " + change.what() + " in '" + name() + "'; "
				+ found + " found: something else changed the version table during the run (check it with "
				+ "'migrate current')";
	}

	/**
	 * Deletes every row.
	 * @param sink where the statement goes
	 * @throws SQLException if the database rejects it
	 */
	void purge(SqlSink sink) throws SQLException {
		sink.execute("DELETE FROM " + this.dialect.qualify(this.schema, this.table));
	}

	private static String literal(String id) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("Not a revision id: '" + id + "'");
		}
		return "'" + id + "'";
	}

	/**
	 * One statement of a version-row change.
	 *
	 * @param sql the statement, with the revision ids as literals
	 * @param what what it does, for the message when it must match one row; {@code null} for an
	 * {@code INSERT}
	 */
	record Change(String sql, String what) {

	}

}
