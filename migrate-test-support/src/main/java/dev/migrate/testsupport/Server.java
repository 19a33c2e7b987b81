package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A reachable database server (or embedded engine) and where it came from.
 *
 * @param engine the engine
 * @param url the administrative JDBC URL, used to create and drop test databases
 * @param user the user name
 * @param password the password
 * @param source how it was found, for the log ("local server", "Testcontainers", an environment variable)
 */
record Server(Engine engine, String url, String user, String password, String source) {

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	@Override
	public String toString() {
		String who = this.user.isEmpty() ? "" : "user " + this.user + ", ";
		return this.engine.displayName() + " at " + JdbcUrls.mask(this.url) + " (" + who + this.source + ")";
	}

}
