package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.DatabaseConnectionException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;

/**
 * Opens connections from the configured DataSource, or from the URL, user and password, retrying the first
 * connection {@code connectRetries} times.
 */
final class ConnectionFactory {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionFactory.class);

	private final DataSource dataSource;

	private final String url;

	private final String user;

	private final String password;

	private final int retries;

	private final Duration interval;

	ConnectionFactory(MigrateConfig config) {
		this.dataSource = config.dataSource();
		this.url = config.url();
		this.user = config.user();
		this.password = config.password();
		this.retries = config.connectRetries();
		this.interval = config.connectRetriesInterval();
	}

	/**
	 * @return the database as messages name it: the masked URL or the DataSource
	 */
	String describe() {
		return (this.url != null) ? JdbcUrls.mask(this.url) : "the configured DataSource";
	}

	boolean isConfigured() {
		return this.dataSource != null || this.url != null;
	}

	/**
	 * Opens a connection, retrying as configured.
	 * @return a new connection, owned by the caller
	 */
	Connection open() {
		if (!isConfigured()) {
			throw new ConfigurationException("url",
					"No database is configured; set a dataSource, or a url (with user and password)");
		}
		SQLException last = null;
		for (int attempt = 0; attempt <= this.retries; attempt++) {
			if (attempt > 0) {
				logger.warn("Could not connect to {} ({}); retry {} of {} in {} ms", describe(), last.getMessage(),
						attempt, this.retries, this.interval.toMillis());
				sleep(this.interval);
			}
			try {
				return connect();
			}
			catch (SQLException ex) {
				last = ex;
			}
		}
		throw new DatabaseConnectionException("Could not connect to " + describe() + " after " + (this.retries + 1)
				+ " attempt(s): " + last.getMessage() + ((this.retries == 0)
						? "; set connectRetries to wait for a database that is still starting" : ""),
				last);
	}

	/**
	 * Opens one more connection without retries, for locks that need their own session.
	 * @return a new connection, owned by the caller
	 * @throws SQLException if the driver fails
	 */
	Connection openAnother() throws SQLException {
		return connect();
	}

	private Connection connect() throws SQLException {
		if (this.dataSource != null) {
			return this.dataSource.getConnection();
		}
		return (this.user != null) ? DriverManager.getConnection(this.url, this.user, this.password)
				: DriverManager.getConnection(this.url);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DatabaseConnectionException("Interrupted while waiting to retry the connection", ex);
		}
	}

}
