package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * H2: DDL commits the current transaction, so it counts as non-transactional; double-quoted identifiers.
 */
final class H2Dialect extends AbstractDialect {

	H2Dialect() {
		super(Engine.H2);
	}

	// INFORMATION_SCHEMA.TABLES by name and schema, both bound: H2 then looks the names up in the schema instead of
	// listing every table, as the driver's getTables (a LIKE pattern) or a CURRENT_SCHEMA condition make it do. The
	// name as given, lower and upper case, as PostgreSQL's lookup.
	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN (?, ?, ?) AND TABLE_SCHEMA = ?")) {
			statement.setString(1, table);
			statement.setString(2, table.toLowerCase(Locale.ROOT));
			statement.setString(3, table.toUpperCase(Locale.ROOT));
			statement.setString(4, lookupSchema(connection, schema));
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	// Each DDL statement locks H2's catalog (table SYS) until its commit, for the whole database, so schema
	// changes in several schemas at once wait on each other and time out after LOCK_TIMEOUT (1 s by default).
	@Override
	public boolean concurrentSchemaChanges() {
		return false;
	}

	@Override
	public boolean lockNeedsSchema() {
		return true;
	}

	@Override
	protected String textType() {
		return "CHARACTER VARYING";
	}

}
