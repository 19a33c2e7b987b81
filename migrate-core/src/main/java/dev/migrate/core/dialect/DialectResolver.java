package dev.migrate.core.dialect;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.ConfigurationException;

/**
 * Finds the {@link Dialect} for a connection (from {@link DatabaseMetaData}) or for a configured name.
 */
public final class DialectResolver {

	private static final List<Dialect> DIALECTS = List.of(new PostgresDialect(), new MySqlDialect(),
			new MariaDbDialect(), new SqliteDialect(), new SqlServerDialect(), new H2Dialect());

	private DialectResolver() {
	}

	/**
	 * @return the names every built-in dialect answers to
	 */
	public static List<String> names() {
		return DIALECTS.stream().map(Dialect::name).toList();
	}

	/**
	 * Finds a dialect by its name, ignoring case.
	 * @param name {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code sqlserver} or
	 * {@code h2} ({@code postgres} and {@code mssql} are accepted too)
	 * @return the dialect
	 * @throws ConfigurationException naming the setting {@code dialect} and the names that exist
	 */
	public static Dialect byName(String name) {
		String key = (name != null) ? name.trim().toLowerCase(Locale.ROOT) : "";
		key = switch (key) {
			case "postgres", "pg" -> "postgresql";
			case "mssql", "sql_server" -> "sqlserver";
			default -> key;
		};
		for (Dialect dialect : DIALECTS) {
			if (dialect.name().equals(key)) {
				return dialect;
			}
		}
		throw new ConfigurationException("dialect",
				"Unknown dialect '" + name + "'; use one of " + String.join(", ", names()));
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
		String lower = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		String lowerVersion = (version != null) ? version.toLowerCase(Locale.ROOT) : "";
		if (lower.contains("postgresql")) {
			return byName("postgresql");
		}
		if (lower.contains("mariadb") || (lower.contains("mysql") && lowerVersion.contains("mariadb"))) {
			return byName("mariadb");
		}
		if (lower.contains("mysql")) {
			return byName("mysql");
		}
		if (lower.contains("sqlite")) {
			return byName("sqlite");
		}
		if (lower.contains("sql server")) {
			return byName("sqlserver");
		}
		if (lower.equals("h2")) {
			return byName("h2");
		}
		throw new ConfigurationException("dialect", "Database product '" + product + "' (" + version
				+ ") is not supported; supported are PostgreSQL, MySQL, MariaDB, SQLite, SQL Server and H2. "
				+ "If it speaks one of their dialects, set dialect to one of " + String.join(", ", names()));
	}

}
