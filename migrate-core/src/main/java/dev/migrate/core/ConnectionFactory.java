package dev.migrate.core;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.dialect.Engine;

/**
 * The one way migrate opens a database connection: from the configured DataSource, or from the URL, user and
 * password (combined once, by {@link JdbcUrls#combineCredentials}), with the driver looked up through the
 * configured class loader before {@link DriverManager} (which only sees the drivers of its caller's loader: a
 * build plugin's project classpath is another one). The runtime's first connection is retried
 * {@code connectRetries} times ({@link #open()}); autogenerate, the migration tests, the tenants query and
 * scratch databases open theirs once ({@link #connect()}).
 */
public final class ConnectionFactory {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionFactory.class);

	private final DataSource dataSource;

	private final String url;

	private final String user;

	private final String password;

	private final ClassLoader classLoader;

	private final int retries;

	private final Duration interval;

	private final Map<String, String> timeouts;

	/**
	 * Connections to the database a configuration names.
	 * @param config the configuration (its DataSource, or its URL, user, password, connect timeout, retries and
	 * class loader)
	 */
	public ConnectionFactory(MigrateConfig config) {
		this(config.dataSource(), config.url(), config.user(), config.password(), config.classLoader(),
				config.connectRetries(), config.connectRetriesInterval(),
				(config.url() != null) ? JdbcUrls.timeoutProperties(config.url(), config.connectTimeout()) : Map.of());
	}

	private ConnectionFactory(DataSource dataSource, String url, String user, String password,
			ClassLoader classLoader, int retries, Duration interval, Map<String, String> timeouts) {
		this.dataSource = dataSource;
		this.url = url;
		this.user = user;
		this.password = password;
		this.classLoader = (classLoader != null) ? classLoader : Thread.currentThread().getContextClassLoader();
		this.retries = retries;
		this.interval = interval;
		this.timeouts = timeouts;
	}

	/**
	 * Connections to a database named by URL alone, such as a scratch or development database, opened once.
	 * @param url the JDBC URL, which may hold {@code user:password@}
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @param classLoader where to look for the driver first, or {@code null} for the thread's context class loader
	 * @return the factory
	 * @throws ConfigurationException when the URL holds a user or password other than those given
	 */
	public static ConnectionFactory forUrl(String url, String user, String password, ClassLoader classLoader) {
		JdbcUrls.Credentials credentials = JdbcUrls.combineCredentials(url, user, password)
			.orElseThrow(() -> new ConfigurationException("url", "the url " + JdbcUrls.mask(url) + " holds a user and"
					+ " password that differ from the user and password set separately; set them in one place"));
		return new ConnectionFactory(null, credentials.url(), credentials.user(), credentials.password(),
				classLoader, 0, Duration.ZERO, Map.of());
	}

	/**
	 * @return the database as messages name it: the masked URL or the DataSource
	 */
	public String describe() {
		return (this.url != null) ? JdbcUrls.mask(this.url) : "the configured DataSource";
	}

	/**
	 * @return whether a DataSource or a URL is set
	 */
	public boolean isConfigured() {
		return this.dataSource != null || this.url != null;
	}

	/**
	 * Opens a connection, retrying as configured.
	 * @return a new connection, owned by the caller
	 * @throws ConfigurationException when no database is configured
	 * @throws DatabaseConnectionException when every attempt failed
	 */
	public Connection open() {
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
	 * Opens a connection once, without retries: for locks that need their own session, and for callers that
	 * report a failure themselves.
	 * @return a new connection, owned by the caller
	 * @throws SQLException if the driver fails
	 * @throws ConfigurationException when no database is configured
	 */
	public Connection connect() throws SQLException {
		if (this.dataSource != null) {
			return this.dataSource.getConnection();
		}
		if (this.url == null) {
			throw new ConfigurationException("url",
					"No database is configured; set a dataSource, or a url (with user and password)");
		}
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
			connection = connectThroughClassLoader(info);
		}
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

	/**
	 * A driver of another engine that the configured class loader provides, which {@link DriverManager} would not
	 * see when that loader is not the caller's.
	 */
	private Connection connectThroughClassLoader(Properties info) throws SQLException {
		if (this.classLoader == ConnectionFactory.class.getClassLoader()) {
			return null;
		}
		for (Driver driver : ServiceLoader.load(Driver.class, this.classLoader)) {
			if (driver.acceptsURL(this.url)) {
				return driver.connect(this.url, info);
			}
		}
		return null;
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
