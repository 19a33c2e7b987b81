package dev.migrate.core.dialect;

import java.sql.Connection;

import dev.migrate.core.ConfigurationException;

/**
 * SQLite: transactional DDL, no schemas beyond attached databases.
 */
final class SqliteDialect extends AbstractDialect {

	SqliteDialect() {
		super(Engine.SQLITE);
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
