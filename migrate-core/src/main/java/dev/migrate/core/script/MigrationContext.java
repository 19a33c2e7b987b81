package dev.migrate.core.script;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a {@link JavaMigration} works with while it runs.
 */
public interface MigrationContext {

	/**
	 * The connection the revision runs on, inside the revision's transaction when it has one. Do not commit,
	 * roll back or close it.
	 * @return the connection
	 */
	Connection connection();

	/**
	 * The engine's name as scripts use it in section qualifiers: {@code postgresql}, {@code mysql},
	 * {@code mariadb}, {@code sqlite}, {@code sqlserver} or {@code h2}.
	 * @return the engine name
	 */
	String engine();

	/**
	 * Executes one statement.
	 * @param sql the statement
	 * @throws SQLException if the database rejects it
	 */
	void execute(String sql) throws SQLException;

}
