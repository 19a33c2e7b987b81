package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Details migrate needs to connect to a database over JDBC when it should not use the application's
 * DataSource as is. Every getter returns {@code null} when nothing migrate-specific is configured.
 */
public interface MigrateConnectionDetails extends ConnectionDetails {

	/**
	 * @return the user name, or {@code null}
	 */
	@Nullable String getUsername();

	/**
	 * @return the password, or {@code null}
	 */
	@Nullable String getPassword();

	/**
	 * @return the JDBC URL, or {@code null} to use the application's DataSource
	 */
	@Nullable String getJdbcUrl();

	/**
	 * The JDBC driver class name; by default the one {@link DatabaseDriver#fromJdbcUrl(String)} names for
	 * the URL, or {@code null} without a URL.
	 * @return the driver class name, or {@code null}
	 */
	default @Nullable String getDriverClassName() {
		String jdbcUrl = getJdbcUrl();
		return (jdbcUrl != null) ? DatabaseDriver.fromJdbcUrl(jdbcUrl).getDriverClassName() : null;
	}

}
