package dev.migrate.testsupport;

/**
 * The database engines migrate supports, as the test support can provide them.
 */
public enum Engine {

	POSTGRESQL("PostgreSQL", true),

	MARIADB("MariaDB", true),

	MYSQL("MySQL", false),

	SQLSERVER("SQL Server", false),

	SQLITE("SQLite", false),

	H2("H2", false);

	private final String displayName;

	private final boolean requiredUnderCi;

	Engine(String displayName, boolean requiredUnderCi) {
		this.displayName = displayName;
		this.requiredUnderCi = requiredUnderCi;
	}

	/**
	 * The engine's usual name, for logs and test names.
	 * @return the display name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Whether CI ({@code CI=true}) must have this engine: a missing one fails instead of skipping.
	 * @return {@code true} for PostgreSQL and MariaDB
	 */
	public boolean requiredUnderCi() {
		return this.requiredUnderCi;
	}

	/**
	 * Whether the engine is a server (as opposed to an embedded file or in-memory database).
	 * @return {@code true} for PostgreSQL, MariaDB, MySQL and SQL Server
	 */
	public boolean isServer() {
		return this != SQLITE && this != H2;
	}

}
