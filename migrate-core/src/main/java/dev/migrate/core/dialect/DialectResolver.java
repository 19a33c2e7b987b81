package dev.migrate.core.dialect;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import dev.migrate.core.ConfigurationException;

/**
 * Finds the {@link Dialect} for a connection (from {@link DatabaseMetaData}) or for a configured name.
 */
public final class DialectResolver {

	private static final Dialect POSTGRESQL = new PostgresDialect();

	private static final Dialect MYSQL = new MySqlDialect();

	private static final Dialect MARIADB = new MariaDbDialect();

	private static final Dialect SQLITE = new SqliteDialect();

	private static final Dialect SQLSERVER = new SqlServerDialect();

	private static final Dialect H2 = new H2Dialect();

	private DialectResolver() {
	}

	/**
	 * The built-in dialect of an engine.
	 * @param engine the engine
	 * @return its dialect
	 */
	public static Dialect of(Engine engine) {
		return switch (engine) {
			case POSTGRESQL -> POSTGRESQL;
			case MYSQL -> MYSQL;
			case MARIADB -> MARIADB;
			case SQLITE -> SQLITE;
			case SQLSERVER -> SQLSERVER;
			case H2 -> H2;
		};
	}

	/**
	 * @return the names every built-in dialect answers to
	 */
	public static List<String> names() {
		return Arrays.stream(Engine.values()).map(Engine::id).toList();
	}

	/**
	 * Finds a dialect by its name, ignoring case.
	 * @param name {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code sqlserver} or
	 * {@code h2} ({@code postgres} and {@code mssql} are accepted too)
	 * @return the dialect
	 * @throws ConfigurationException naming the setting {@code dialect} and the names that exist
	 */
	public static Dialect byName(String name) {
		Engine engine = Engine.fromName(name);
		if (engine == null) {
			throw new ConfigurationException("dialect",
					"Unknown dialect '" + name + "'; use one of " + String.join(", ", names()));
		}
		return of(engine);
	}

	/**
	 * Detects the dialect of a connection from its product name (and, for MySQL drivers talking to MariaDB,
	 * its version).
	 * @param metaData the connection's metadata
	 * @return the dialect
	 * @throws SQLException if the driver fails
	 * @throws ConfigurationException if the product is not supported, naming the {@code dialect} setting
	 */
	public static Dialect detect(DatabaseMetaData metaData) throws SQLException {
		String product = metaData.getDatabaseProductName();
		String version = metaData.getDatabaseProductVersion();
		return fromProduct(product, version);
	}

	static Dialect fromProduct(String product, String version) {
		Engine engine = Engine.fromProduct(product, version);
		if (engine == null) {
			throw new ConfigurationException("dialect", "Database product '" + product + "' (" + version
					+ ") is not supported; supported are PostgreSQL, MySQL, MariaDB, SQLite, SQL Server and H2. "
					+ "If it speaks one of their dialects, set dialect to one of " + String.join(", ", names()));
		}
		return of(engine);
	}

}
