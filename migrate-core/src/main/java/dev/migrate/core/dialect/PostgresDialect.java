package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL: transactional DDL, double-quoted identifiers, the default schema is the {@code search_path}.
 */
final class PostgresDialect extends AbstractDialect {

	PostgresDialect() {
		super("postgresql", "PostgreSQL");
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	// The whole search_path is kept and restored: the driver's getSchema/setSchema see only its first entry.
	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String previous;
			try (ResultSet result = statement.executeQuery("SHOW search_path")) {
				result.next();
				previous = result.getString(1);
			}
			statement.execute("SET search_path TO " + quote(schema));
			return previous;
		}
	}

	@Override
	public void restoreSchema(Connection connection, String previous) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
			statement.setString(1, previous);
			statement.execute();
		}
	}

}
