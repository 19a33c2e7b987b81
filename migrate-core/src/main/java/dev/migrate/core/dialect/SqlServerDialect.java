package dev.migrate.core.dialect;

import java.sql.Connection;

import dev.migrate.core.ConfigurationException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Microsoft SQL Server: transactional DDL, bracketed identifiers, {@code GO} between batches offline.
 */
final class SqlServerDialect extends AbstractDialect {

	SqlServerDialect() {
		super(Engine.SQLSERVER);
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public String quote(String identifier) {
		return "[" + identifier.replace("]", "]]") + "]";
	}

	@Override
	public String firstRows(int rows) {
		return " OFFSET 0 ROWS FETCH NEXT " + rows + " ROWS ONLY";
	}

	@Override
	public String batchSeparator() {
		return "GO";
	}

	@Override
	public String beginTransaction() {
		return "BEGIN TRANSACTION";
	}

	// A SQL Server user has a default schema; a connection cannot change its own.
	@Override
	public String useSchema(Connection connection, String schema) {
		throw new ConfigurationException("schemaAsDefault", "SQL Server cannot make '" + schema
				+ "' the connection's default schema (only a user's DEFAULT_SCHEMA sets it); "
				+ "give each tenant its own database (database mode) instead");
	}

	@Override
	public String createSchema(String schema) {
		return "IF SCHEMA_ID(N'" + schema.replace("'", "''") + "') IS NULL EXEC(N'CREATE SCHEMA "
				+ quote(schema).replace("'", "''") + "')";
	}

	@Override
	protected String createTableIfNotExists(String schema, String table, String columns) {
		String name = qualify(schema, table);
		return "IF OBJECT_ID(N'" + name.replace("'", "''") + "', N'U') IS NULL CREATE TABLE " + name + " (" + columns
				+ ")";
	}

	@Override
	protected String identityPrimaryKey() {
		return "BIGINT IDENTITY(1,1) PRIMARY KEY";
	}

	@Override
	protected String textType() {
		return "NVARCHAR(MAX)";
	}

	@Override
	protected String booleanType() {
		return "BIT";
	}

	@Override
	protected String timestampType() {
		return "DATETIME2(3)";
	}

	@Override
	public String lockTimeoutStatement(Duration timeout) {
		return "SET LOCK_TIMEOUT " + timeout.toMillis();
	}

	@Override
	public String lockTimeoutReset() {
		return "SET LOCK_TIMEOUT -1";
	}

	@Override
	public boolean isLockTimeout(SQLException failure) {
		return failure.getErrorCode() == 1222;
	}

}
