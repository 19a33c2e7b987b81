package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One database engine's SQL differences, as migrate needs them. Implementations are stateless and
 * thread-safe; extend {@link AbstractDialect} rather than implementing this directly.
 */
public interface Dialect {

	/**
	 * The engine this dialect speaks: the key engine-specific code switches on.
	 * @return the engine
	 */
	Engine engine();

	/**
	 * The engine's name as configuration and scripts spell it: {@code postgresql}, {@code mysql},
	 * {@code mariadb}, {@code sqlite}, {@code sqlserver} or {@code h2}.
	 * @return the name
	 */
	default String name() {
		return engine().id();
	}

	/**
	 * The engine's usual name, for messages.
	 * @return the display name, e.g. {@code PostgreSQL}
	 */
	default String displayName() {
		return engine().displayName();
	}

	/**
	 * Quotes an identifier so that it keeps its case and cannot be read as SQL.
	 * @param identifier the identifier
	 * @return the quoted identifier
	 */
	String quote(String identifier);

	/**
	 * Quotes a table name, qualified by its schema when one is given.
	 * @param schema the schema, or {@code null} for the connection's default
	 * @param table the table
	 * @return the quoted, qualified name
	 */
	default String qualify(String schema, String table) {
		return (schema != null) ? quote(schema) + "." + quote(table) : quote(table);
	}

	/**
	 * Whether DDL statements take part in transactions. When they do not (MySQL, MariaDB, H2), each DDL
	 * statement commits on its own and a failed revision can leave some of its statements applied.
	 * @return whether DDL is transactional
	 */
	boolean transactionalDdl();

	/**
	 * What ends a statement in offline SQL.
	 * @return the terminator, usually {@code ;}
	 */
	default String statementTerminator() {
		return ";";
	}

	/**
	 * A line that separates batches in offline SQL, such as SQL Server's {@code GO}.
	 * @return the separator, or {@code null} when the engine has none
	 */
	default String batchSeparator() {
		return null;
	}

	/**
	 * The statement that starts a transaction in offline SQL.
	 * @return the statement, without terminator
	 */
	default String beginTransaction() {
		return "BEGIN";
	}

	/**
	 * The statement that commits a transaction in offline SQL.
	 * @return the statement, without terminator
	 */
	default String commitTransaction() {
		return "COMMIT";
	}

	/**
	 * Whether the engine has schemas that {@link #createSchema(String)} can create.
	 * @return whether schemas are supported
	 */
	default boolean supportsSchemas() {
		return true;
	}

	/**
	 * The statement that creates a schema when it does not exist.
	 * @param schema the schema
	 * @return the statement
	 */
	String createSchema(String schema);

	/**
	 * The statements that put back the session settings a revision may change, captured now (at the start of a
	 * run) with their current values: the search path and role on PostgreSQL, the current database and
	 * {@code sql_mode} on MySQL and MariaDB, the current schema on H2. migrate runs them after a revision that
	 * changed its session, so the next revision starts where the run started.
	 * @param connection the run's connection
	 * @return the statements, empty when the engine has nothing to restore
	 * @throws SQLException if the driver fails
	 */
	default List<String> sessionRestore(Connection connection) throws SQLException {
		return List.of();
	}

	/**
	 * The schema tables land in when none is named.
	 * @param connection an open connection
	 * @return the default schema, or {@code null} when the engine cannot tell
	 * @throws SQLException if the driver fails
	 */
	default String defaultSchema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	/**
	 * Whether sessions can change different schemas of one database at the same time, as a fleet of tenant
	 * schemas migrating in parallel does.
	 * @return {@code true} unless schema changes serialize on a database-wide lock
	 */
	default boolean concurrentSchemaChanges() {
		return true;
	}

	/**
	 * Makes a schema the connection's default for unqualified names, for scripts that run with
	 * {@code schemaAsDefault}; {@link #restoreSchema} puts the previous setting back before the connection
	 * returns to a pool.
	 * @param connection an open connection
	 * @param schema the schema, which exists
	 * @return the previous setting
	 * @throws SQLException if the driver fails
	 */
	default String useSchema(Connection connection, String schema) throws SQLException {
		String previous = connection.getSchema();
		connection.setSchema(schema);
		return previous;
	}

	/**
	 * Puts back the setting {@link #useSchema} replaced.
	 * @param connection the connection
	 * @param previous what {@link #useSchema} returned
	 * @throws SQLException if the driver fails
	 */
	default void restoreSchema(Connection connection, String previous) throws SQLException {
		if (previous != null) {
			connection.setSchema(previous);
		}
	}

	/**
	 * The statement that creates the version table when it does not exist: one {@code version_num
	 * VARCHAR(32) NOT NULL} primary-key column, the shape of Alembic's {@code alembic_version}.
	 * @param schema the schema, or {@code null}
	 * @param table the table name
	 * @return the statement
	 */
	String createVersionTable(String schema, String table);

	/**
	 * The statement that creates the history table when it does not exist.
	 * @param schema the schema, or {@code null}
	 * @param table the table name
	 * @return the statement
	 */
	String createHistoryTable(String schema, String table);

	/**
	 * The statement that creates the digest table when it does not exist: one row holding the digest of the
	 * scripts last validated against this database, the version rows and the newest history row then, so that a
	 * boot finding all three unchanged knows there is nothing to do without reading the history.
	 * @param schema the schema, or {@code null}
	 * @param table the table name
	 * @return the statement
	 */
	String createDigestTable(String schema, String table);

	/**
	 * Whether the driver takes several statements in one prepared statement and sends them in one round trip
	 * (PostgreSQL's does), so bookkeeping statements can be pipelined with a parameterised history row.
	 * @return whether statements may be sent together
	 */
	default boolean sendsStatementsTogether() {
		return false;
	}

	/**
	 * Whether a statement batch of literal statements goes to the server in one round trip (the MySQL and
	 * MariaDB drivers pipeline it), so a step's bookkeeping is worth writing as literals and batching.
	 * @return whether literal batches are pipelined
	 */
	default boolean pipelinesLiteralBatches() {
		return false;
	}

	/**
	 * Whether the server runs none of the statements sent together ({@link #sendsStatementsTogether()}) after one
	 * that fails (PostgreSQL skips the rest of a pipeline up to its sync point and leaves the transaction
	 * aborted), so a {@code COMMIT} sent with a step's statements and bookkeeping commits only when all of them
	 * succeeded: the whole step in one round trip.
	 * @return whether a step may be sent with its {@code COMMIT}
	 */
	default boolean stopsAtFirstFailure() {
		return false;
	}

	/**
	 * A statement that runs {@code statement} and fails, on the server, when it changed no row: the version-row
	 * check of a step sent with its {@code COMMIT} ({@link #stopsAtFirstFailure()}), which cannot wait for the
	 * update count.
	 * @param statement an {@code UPDATE} or {@code DELETE} with literals only
	 * @param failure the error message
	 * @return the guarded statement, or {@code null} when the engine has none
	 */
	default String failUnlessRowChanged(String statement, String failure) {
		return null;
	}

	/**
	 * An SQL expression for the milliseconds since the current transaction started, by the server's clock: the
	 * execution time of a step whose history row is written in the same round trip as its statements.
	 * @return the expression, or {@code null} when the engine has none
	 */
	default String transactionMillis() {
		return null;
	}

	/**
	 * Whether {@code statement} commits the open transaction before it runs (MySQL's and MariaDB's DDL), so
	 * bookkeeping written just before it needs no {@code COMMIT} of its own.
	 * @param statement a statement of a script
	 * @return whether it commits implicitly; {@code false} when unsure
	 */
	default boolean commitsImplicitly(String statement) {
		return false;
	}

	/**
	 * Whether the migration lock keeps a row in a table of the configured schema (H2's does), so the schema
	 * must exist before the lock is taken.
	 * @return whether the lock needs the schema first
	 */
	default boolean lockNeedsSchema() {
		return false;
	}

	/**
	 * What the engine's error means beyond the driver's text, when a migration statement fails with it.
	 * @param failure what the driver threw
	 * @return the explanation and its fix, or {@code null} when there is nothing to add
	 */
	default String failureHint(SQLException failure) {
		return null;
	}

	/**
	 * The statement that bounds how long DDL waits for a lock ({@code ddlLockTimeout}), run at the start of each
	 * revision: inside its transaction where the engine scopes the setting to it, else for the session (then
	 * {@link #lockTimeoutReset()} undoes it after the run).
	 * @param timeout the longest wait, positive
	 * @return the statement, or {@code null} when the engine has no such setting
	 */
	default String lockTimeoutStatement(Duration timeout) {
		return null;
	}

	/**
	 * The statement that puts a session-scoped lock wait back to the server's default after a run.
	 * @return the statement, or {@code null} when {@link #lockTimeoutStatement} is scoped to the transaction
	 */
	default String lockTimeoutReset() {
		return null;
	}

	/**
	 * Whether a statement failed because it waited for a lock longer than {@link #lockTimeoutStatement} allows.
	 * @param failure the driver's exception
	 * @return whether it is a lock-wait timeout
	 */
	default boolean isLockTimeout(SQLException failure) {
		return false;
	}

	/**
	 * Describes the other sessions that hold locks on the relations a failed statement names, for the final
	 * failure of a revision that timed out waiting: process id, user, when its query started, state, query.
	 * @param connection a connection outside any failed transaction
	 * @param names the words of the failed statement (relation names among them)
	 * @return one description per session, empty when the engine does not tell
	 * @throws SQLException if the query fails
	 */
	default List<String> lockHolders(Connection connection, Collection<String> names) throws SQLException {
		return List.of();
	}

	/**
	 * The clause that ends a query ordered by {@code ORDER BY} after its first rows, so the engine reads only those
	 * (an index scan from the end of the key), where the driver's {@code setMaxRows} would let it sort every row.
	 * @param rows how many rows
	 * @return the clause, with a leading space
	 */
	default String firstRows(int rows) {
		return " LIMIT " + rows;
	}

	/**
	 * Whether a table exists, looked up through the driver's metadata the way this engine files tables
	 * (by catalog on MySQL and MariaDB, by schema elsewhere), comparing names without case. Every engine but SQL
	 * Server overrides it with a lookup by name whose cost does not grow with the number of tables: health checks
	 * call it on every request.
	 * @param connection an open connection
	 * @param schema the schema, or {@code null} for the connection's default
	 * @param table the table name
	 * @return whether it exists
	 * @throws SQLException if the driver fails
	 */
	default boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = lookupCatalog(connection, schema);
		String schemaPattern = lookupSchema(connection, schema);
		String escape = metaData.getSearchStringEscape();
		String namePattern = (escape == null || escape.isEmpty()) ? null
				: table.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
		if (schemaPattern != null && escape != null && !escape.isEmpty()) {
			schemaPattern = schemaPattern.replace(escape, escape + escape).replace("_", escape + "_");
		}
		try (ResultSet tables = metaData.getTables(catalog, schemaPattern, namePattern, null)) {
			while (tables.next()) {
				String name = tables.getString("TABLE_NAME");
				if (name != null && name.toLowerCase(Locale.ROOT).equals(table.toLowerCase(Locale.ROOT))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The tables of a schema (MySQL/MariaDB: database), as the driver's metadata lists them, leaving out the
	 * engine's own: what tells an empty database from one that already holds an application's schema.
	 * @param connection an open connection
	 * @param schema the schema, or {@code null} for the connection's default
	 * @return the table names, sorted
	 * @throws SQLException if the driver fails
	 */
	default List<String> tableNames(Connection connection, String schema) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String schemaPattern = lookupSchema(connection, schema);
		String escape = metaData.getSearchStringEscape();
		if (schemaPattern != null && escape != null && !escape.isEmpty()) {
			schemaPattern = schemaPattern.replace(escape, escape + escape).replace("_", escape + "_");
		}
		java.util.TreeSet<String> names = new java.util.TreeSet<>();
		try (ResultSet tables = metaData.getTables(lookupCatalog(connection, schema), schemaPattern, "%",
				new String[] { "TABLE" })) {
			while (tables.next()) {
				String name = tables.getString("TABLE_NAME");
				if (name != null && !isSystemTable(name)) {
					names.add(name);
				}
			}
		}
		return List.copyOf(names);
	}

	/**
	 * Reads a table that may not exist yet: looks it up with {@link #tableExists}, then reads it. SQLite reads it
	 * at once and takes its "no such table" error for a missing table, which names the table once instead of
	 * twice (see its dialect).
	 * @param <T> what the read returns
	 * @param connection an open connection
	 * @param schema the schema, or {@code null} for the connection's default
	 * @param table the table name
	 * @param read the read, whose statements name that table and no other
	 * @param absent what a missing table reads as
	 * @return what the read returned, or {@code absent}
	 * @throws SQLException if the driver fails, or the read does for another reason than the missing table
	 */
	default <T> T readIfExists(Connection connection, String schema, String table, TableRead<T> read, T absent)
			throws SQLException {
		return tableExists(connection, schema, table) ? read.read() : absent;
	}

	/**
	 * A read of one table, for {@link #readIfExists}.
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	interface TableRead<T> {

		/**
		 * @return what was read
		 * @throws SQLException if the driver fails
		 */
		T read() throws SQLException;

	}

	/**
	 * @param name a table name the driver listed
	 * @return whether the engine keeps that table for itself (SQLite's {@code sqlite_sequence})
	 */
	default boolean isSystemTable(String name) {
		return false;
	}

	/**
	 * The catalog {@link #tableExists} looks in.
	 * @param connection an open connection
	 * @param schema the configured schema, or {@code null}
	 * @return the catalog, or {@code null} for any
	 * @throws SQLException if the driver fails
	 */
	default String lookupCatalog(Connection connection, String schema) throws SQLException {
		return null;
	}

	/**
	 * The schema (unescaped) {@link #tableExists} looks in.
	 * @param connection an open connection
	 * @param schema the configured schema, or {@code null}
	 * @return the schema, or {@code null} for any
	 * @throws SQLException if the driver fails
	 */
	default String lookupSchema(Connection connection, String schema) throws SQLException {
		return (schema != null) ? schema : defaultSchema(connection);
	}

}
