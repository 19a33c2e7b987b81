package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.DatabaseConnectionException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.dialect.Engine;

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

	private final ClassLoader classLoader;

	private final int retries;

	private final Duration interval;

	private final Map<String, String> timeouts;

	private final java.util.List<String> initSqls;

	ConnectionFactory(MigrateConfig config) {
		this.initSqls = config.initSqls();
		this.dataSource = config.dataSource();
		this.url = config.url();
		this.user = config.user();
		this.password = config.password();
		this.classLoader = config.classLoader();
		this.retries = config.connectRetries();
		this.interval = config.connectRetriesInterval();
		this.timeouts = (this.url != null) ? JdbcUrls.timeoutProperties(this.url, config.connectTimeout()) : Map.of();
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
		Connection connection = (this.dataSource != null) ? this.dataSource.getConnection() : connectToUrl();
		if (!this.initSqls.isEmpty()) {
			InitSql.run(connection, this.initSqls, describe());
		}
		return connection;
	}

	private Connection connectToUrl() throws SQLException {
		Properties info = new Properties();
		info.putAll(this.timeouts);
		if (this.user != null) {
			info.setProperty("user", this.user);
		}
		if (this.password != null) {
			info.setProperty("password", this.password);
		}
		Driver driver = knownDriver();
		Connection connection = (driver != null) ? driver.connect(this.url, info) : null;
		if (connection == null) {
			connection = DriverManager.getConnection(this.url, info);
		}
		if (this.timeouts.containsKey(JdbcUrls.SOCKET_TIMEOUT)) {
			// The socket timeout bounded the login only; a long migration statement must not hit it.
			connection.setNetworkTimeout(Runnable::run, 0);
		}
		return connection;
	}

	/**
	 * The driver of a URL whose engine migrate knows, when that driver is on the classpath: asking it directly
	 * spares DriverManager's first call, which loads and registers every driver on the classpath (a cost every
	 * boot pays; tens of milliseconds with a few drivers, hundreds with test-only ones such as Testcontainers').
	 * Any other URL, or a driver that is missing, goes through DriverManager as usual.
	 */
	private Driver knownDriver() {
		Engine engine = Engine.fromUrl(this.url);
		if (engine == null) {
			return null;
		}
		String className = engine.driverClass();
		try {
			Class<?> type = Class.forName(className, true, this.classLoader);
			return (Driver) type.getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException | LinkageError | ClassCastException ex) {
			logger.debug("Driver {} not usable directly ({}); asking DriverManager", className, ex.toString());
			return null;
		}
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
