package dev.migrate.core.fleet;

/**
 * Where a tenant's data lives.
 */
public enum TenantMode {

	/**
	 * A schema of the main database, named after the tenant, created when missing: it holds the tenant's version
	 * and history tables, and scripts run with it as the default schema ({@code search_path} on PostgreSQL, the
	 * current schema on H2, the database on MySQL and MariaDB).
	 */
	SCHEMA,

	/**
	 * A database of its own, reached through a JDBC URL template in which {@code {tenant}} stands for the name,
	 * such as {@code jdbc:postgresql://db/{tenant}} or {@code jdbc:sqlite:data/{tenant}.db}.
	 */
	DATABASE

}
