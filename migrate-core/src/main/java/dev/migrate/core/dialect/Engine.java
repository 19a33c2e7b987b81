package dev.migrate.core.dialect;

import java.util.Locale;

/**
 * The database engines migrate knows: the one key every engine-specific choice is made on. A switch over it has
 * no {@code default}, so a new constant is a compile error everywhere an engine must be handled. What an engine
 * does differently lives on its {@link Dialect} ({@link DialectResolver#of(Engine)}); this enum holds only what is
 * known before a connection exists: the name configuration and scripts use, the URL prefix and the driver class.
 */
public enum Engine {

	/** PostgreSQL. */
	POSTGRESQL("postgresql", "PostgreSQL", "jdbc:postgresql:", "org.postgresql.Driver"),

	/** MySQL. */
	MYSQL("mysql", "MySQL", "jdbc:mysql:", "com.mysql.cj.jdbc.Driver"),

	/** MariaDB. */
	MARIADB("mariadb", "MariaDB", "jdbc:mariadb:", "org.mariadb.jdbc.Driver"),

	/** SQLite. */
	SQLITE("sqlite", "SQLite", "jdbc:sqlite:", "org.sqlite.JDBC"),

	/** Microsoft SQL Server. */
	SQLSERVER("sqlserver", "SQL Server", "jdbc:sqlserver:", "com.microsoft.sqlserver.jdbc.SQLServerDriver"),

	/** H2. */
	H2("h2", "H2", "jdbc:h2:", "org.h2.Driver");

	private final String id;

	private final String displayName;

	private final String urlPrefix;

	private final String driverClass;

	Engine(String id, String displayName, String urlPrefix, String driverClass) {
		this.id = id;
		this.displayName = displayName;
		this.urlPrefix = urlPrefix;
		this.driverClass = driverClass;
	}

	/**
	 * @return the name configuration, section qualifiers and messages use, e.g. {@code postgresql}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * @return the engine's usual name, e.g. {@code PostgreSQL}
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * @return the class name of the engine's usual JDBC driver
	 */
	public String driverClass() {
		return this.driverClass;
	}

	/**
	 * Finds an engine by its exact {@link #id()}, ignoring case.
	 * @param id a name such as {@code postgresql}, or {@code null}
	 * @return the engine, or {@code null} when none has that name
	 */
	public static Engine fromId(String id) {
		if (id == null) {
			return null;
		}
		for (Engine engine : values()) {
			if (engine.id.equalsIgnoreCase(id)) {
				return engine;
			}
		}
		return null;
	}

	/**
	 * Finds an engine by a name a user may type: its {@link #id()} or a common alias ({@code postgres},
	 * {@code pg}, {@code mssql}, {@code sql_server}), ignoring case and surrounding spaces.
	 * @param name the name, or {@code null}
	 * @return the engine, or {@code null} when none answers to it
	 */
	public static Engine fromName(String name) {
		String key = (name != null) ? name.trim().toLowerCase(Locale.ROOT) : "";
		return switch (key) {
			case "postgres", "pg" -> POSTGRESQL;
			case "mssql", "sql_server" -> SQLSERVER;
			default -> fromId(key);
		};
	}

	/**
	 * The engine a JDBC URL implies, from its prefix (ignoring case).
	 * @param url a JDBC URL, or {@code null}
	 * @return the engine, or {@code null} when the URL implies none
	 */
	public static Engine fromUrl(String url) {
		if (url == null) {
			return null;
		}
		String lower = url.toLowerCase(Locale.ROOT);
		for (Engine engine : values()) {
			if (lower.startsWith(engine.urlPrefix)) {
				return engine;
			}
		}
		return null;
	}

	/**
	 * The one product detector: the engine of a database from the product name and version its driver reports
	 * ({@code DatabaseMetaData}). A MySQL driver talking to MariaDB reports MySQL with a MariaDB version.
	 * @param product the product name, or {@code null}
	 * @param version the product version, or {@code null}
	 * @return the engine, or {@code null} when the product is none migrate knows
	 */
	public static Engine fromProduct(String product, String version) {
		String lower = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		String lowerVersion = (version != null) ? version.toLowerCase(Locale.ROOT) : "";
		if (lower.contains("postgres")) {
			return POSTGRESQL;
		}
		if (lower.contains("mariadb") || (lower.contains("mysql") && lowerVersion.contains("mariadb"))) {
			return MARIADB;
		}
		if (lower.contains("mysql")) {
			return MYSQL;
		}
		if (lower.contains("sqlite")) {
			return SQLITE;
		}
		if (lower.contains("sql server") || lower.contains("microsoft")) {
			return SQLSERVER;
		}
		if (lower.equals("h2")) {
			return H2;
		}
		return null;
	}

	/**
	 * @return the ids of every engine, in declaration order, for messages
	 */
	public static String ids() {
		StringBuilder ids = new StringBuilder();
		for (Engine engine : values()) {
			ids.append((ids.length() > 0) ? ", " : "").append(engine.id);
		}
		return ids.toString();
	}

}
