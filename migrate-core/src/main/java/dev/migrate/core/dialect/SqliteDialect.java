package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.migrate.core.ConfigurationException;

/**
 * SQLite: transactional DDL, no schemas beyond attached databases.
 */
final class SqliteDialect extends AbstractDialect {

	SqliteDialect() {
		super(Engine.SQLITE);
	}

	// SQLite answers pragma_table_info from the schema it holds in memory (a hash lookup by name, without case as
	// SQLite compares names). The driver's getTables reads sqlite_master and matches every table with LIKE, so a
	// health check on a database with 10,000 tables cost in proportion to them.
	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		String sql = "SELECT 1 FROM pragma_table_info(?" + ((schema != null) ? ", ?" : "") + ") LIMIT 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, table);
			if (schema != null) {
				statement.setString(2, schema);
			}
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	// A lookup costs SQLite as much as the read: pragma_table_info prepares its own statement and, inside, a PRAGMA,
	// and each statement that names a table finds the name in the hash table of SQLite's in-memory schema, whose
	// buckets SQLite caps at 64 (SQLITE_MALLOC_SOFT_LIMIT): with 10,000 tables a name is at the end of a chain of
	// about 156 (migrate's tables, created first, are last in theirs). Reading at once prepares one statement
	// instead of three and names the table once; a missing table fails the statement's preparation, before
	// anything ran, so its error is taken for the table's absence. A failed preparation leaves an open transaction
	// as it was.
	@Override
	public <T> T readIfExists(Connection connection, String schema, String table, TableRead<T> read, T absent)
			throws SQLException {
		try {
			return read.read();
		}
		catch (SQLException ex) {
			if (isNoSuchTable(ex)) {
				return absent;
			}
			throw ex;
		}
	}

	// SQLITE_ERROR (1; the low byte where extended codes are on), the code of a statement naming a missing table;
	// SQLite's message names the table as the statement spelled it ("no such table: main.migrate_version").
	private static boolean isNoSuchTable(SQLException ex) {
		return (ex.getErrorCode() & 0xff) == 1 && ex.getMessage() != null && ex.getMessage().contains("no such table");
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public String beginTransaction() {
		return "BEGIN TRANSACTION";
	}

	@Override
	public boolean supportsSchemas() {
		return false;
	}

	@Override
	public String useSchema(Connection connection, String schema) {
		throw new ConfigurationException("schemaAsDefault", "SQLite has no schemas to make '" + schema
				+ "' the default of; give each tenant its own database file (database mode) instead");
	}

	@Override
	public String createSchema(String schema) {
		throw new UnsupportedOperationException("SQLite has no CREATE SCHEMA; attach a database file instead");
	}

	@Override
	public String defaultSchema(Connection connection) {
		return "main";
	}

	@Override
	public boolean isSystemTable(String name) {
		return name.startsWith("sqlite_");
	}

	@Override
	public String lookupSchema(Connection connection, String schema) {
		return null;
	}

	@Override
	protected String identityPrimaryKey() {
		return "INTEGER PRIMARY KEY AUTOINCREMENT";
	}

}
