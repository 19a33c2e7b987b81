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

	private DialectResolver() {
	}

	/**
	 * The built-in dialect of an engine.
	 * @param engine the engine
	 * @return its dialect
	 */
	public static Dialect of(Engine engine) {
		return switch (engine) {
			case POSTGRESQL -> Postgresql.DIALECT;
			case MYSQL -> Mysql.DIALECT;
			case MARIADB -> Mariadb.DIALECT;
			case SQLITE -> Sqlite.DIALECT;
			case SQLSERVER -> Sqlserver.DIALECT;
			case H2 -> H2.DIALECT;
		};
	}

	// One holder per dialect, so a start loads and initializes only its own engine's dialect class (each is
	// large) instead of all six.

	private static final class Postgresql {

		static final Dialect DIALECT = new PostgresDialect();

	}

	private static final class Mysql {

		static final Dialect DIALECT = new MySqlDialect();

	}

	private static final class Mariadb {

		static final Dialect DIALECT = new MariaDbDialect();

	}

	private static final class Sqlite {

		static final Dialect DIALECT = new SqliteDialect();

	}

	private static final class Sqlserver {

		static final Dialect DIALECT = new SqlServerDialect();

	}

	private static final class H2 {

		static final Dialect DIALECT = new H2Dialect();

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
