package dev.migrate.core.dialect;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

	/** The driver property of {@link #connectTimeoutProperties(Duration)} that bounds reads after login too. */
	public static final String SOCKET_TIMEOUT = "socketTimeout";

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
	 * The properties with which this engine's driver gives up connecting and logging in after {@code timeout}:
	 * PostgreSQL {@code connectTimeout} and {@code loginTimeout} (seconds); MariaDB {@code connectTimeout}
	 * (milliseconds, which bounds the login too); MySQL {@code connectTimeout} and {@link #SOCKET_TIMEOUT}
	 * (milliseconds: Connector/J waits for the server's greeting under the socket timeout, so whoever opens the
	 * connection lifts it afterwards, as a migration statement may rightly run for hours); SQL Server
	 * {@code loginTimeout} (seconds). SQLite and H2 (embedded) need none.
	 * @param timeout the bound; zero gives no properties (the driver's default)
	 * @return the properties, unmodifiable
	 */
	public Map<String, String> connectTimeoutProperties(Duration timeout) {
		if (timeout.isZero()) {
			return Map.of();
		}
		String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
		String millis = Long.toString(Math.max(1, timeout.toMillis()));
		return switch (this) {
			case POSTGRESQL -> orderedMap("connectTimeout", seconds, "loginTimeout", seconds);
			case MARIADB -> Map.of("connectTimeout", millis);
			case MYSQL -> orderedMap("connectTimeout", millis, SOCKET_TIMEOUT, millis);
			case SQLSERVER -> Map.of("loginTimeout", seconds);
			case SQLITE, H2 -> Map.of();
		};
	}

	private static Map<String, String> orderedMap(String key1, String value1, String key2, String value2) {
		Map<String, String> map = new LinkedHashMap<>();
		map.put(key1, value1);
		map.put(key2, value2);
		return Collections.unmodifiableMap(map);
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
