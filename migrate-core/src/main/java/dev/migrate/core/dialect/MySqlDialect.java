package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * MySQL: DDL commits on its own, back-quoted identifiers, and a schema is a database.
 */
class MySqlDialect extends AbstractDialect {

	MySqlDialect() {
		this("mysql", "MySQL");
	}

	MySqlDialect(String name, String displayName) {
		super(name, displayName);
	}

	@Override
	public final boolean transactionalDdl() {
		return false;
	}

	@Override
	public final String quote(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	@Override
	public final String beginTransaction() {
		return "START TRANSACTION";
	}

	@Override
	public final String createSchema(String schema) {
		return "CREATE DATABASE IF NOT EXISTS " + quote(schema);
	}

	@Override
	public final String defaultSchema(Connection connection) throws SQLException {
		return connection.getCatalog();
	}

	@Override
	public final String useSchema(Connection connection, String schema) throws SQLException {
		String previous = connection.getCatalog();
		connection.setCatalog(schema);
		return previous;
	}

	@Override
	public final void restoreSchema(Connection connection, String previous) throws SQLException {
		if (previous != null) {
			connection.setCatalog(previous);
		}
	}

	@Override
	protected final String identityPrimaryKey() {
		return "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
	}

	@Override
	protected final String timestampType() {
		return "DATETIME(3)";
	}

}
