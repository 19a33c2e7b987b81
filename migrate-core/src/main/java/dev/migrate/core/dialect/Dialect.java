package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One database engine's SQL differences, as migrate needs them. Implementations are stateless and
 * thread-safe; extend {@link AbstractDialect} rather than implementing this directly.
 */
public interface Dialect {

	/**
	 * The engine's name as configuration and scripts spell it: {@code postgresql}, {@code mysql},
	 * {@code mariadb}, {@code sqlite}, {@code sqlserver} or {@code h2}.
	 * @return the name
	 */
	String name();

	/**
	 * The engine's usual name, for messages.
	 * @return the display name, e.g. {@code PostgreSQL}
	 */
	String displayName();

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

}
