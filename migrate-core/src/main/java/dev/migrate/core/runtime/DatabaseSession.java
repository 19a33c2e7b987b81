package dev.migrate.core.runtime;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.script.Placeholders;

/**
 * One command's connection to the database, with its dialect, version and history tables and lock. Closing
 * it releases the lock and the connection.
 */
final class DatabaseSession implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseSession.class);

	private static volatile String hostName;

	private final MigrateConfig config;

	private final Connection connection;

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final DigestTable digestTable;

	private final String database;

	private final String tableSchema;

	private MigrationLock lock;

	// The default schema before prepareTables made the configured one the default, to restore on close.
	private String previousSchema;

	private DatabaseSession(MigrateConfig config, Connection connection, Dialect dialect, String database,
			String tableSchema) {
		this.config = config;
		this.connection = connection;
		this.dialect = dialect;
		this.database = database;
		this.tableSchema = tableSchema;
		this.versionTable = new VersionTable(dialect, tableSchema, config.versionTable());
		this.historyTable = new HistoryTable(dialect, tableSchema, config.historyTable());
		this.digestTable = DigestTable.of(dialect, tableSchema, config);
	}

	static DatabaseSession open(MigrateConfig config, ConnectionFactory connections) {
		Connection connection = connections.open();
		try {
			connection.setAutoCommit(true);
			Dialect dialect = (config.dialect() != null) ? DialectResolver.byName(config.dialect())
					: DialectResolver.detect(connection.getMetaData());
			String url = connection.getMetaData().getURL();
			String database = (url != null) ? JdbcUrls.mask(url) : connections.describe();
			// migrate's own statements name the schema (database) resolved now: a revision may change the search
			// path or the current database (pg_dump and mysqldump output do), and they must still reach its tables.
			String tableSchema = (config.schema() != null) ? config.schema() : dialect.defaultSchema(connection);
			return new DatabaseSession(config, connection, dialect, database, tableSchema);
		}
		catch (SQLException | RuntimeException ex) {
			close(connection);
			if (ex instanceof MigrateException migrate) {
				throw migrate;
			}
			throw new MigrateException("Could not inspect the database at " + connections.describe() + ": "
					+ ex.getMessage(), ex);
		}
	}

	Connection connection() {
		return this.connection;
	}

	Dialect dialect() {
		return this.dialect;
	}

	VersionTable versionTable() {
		return this.versionTable;
	}

	HistoryTable historyTable() {
		return this.historyTable;
	}

	DigestTable digestTable() {
		return this.digestTable;
	}

	/**
	 * @return the masked URL of the database, for log lines
	 */
	String database() {
		return this.database;
	}

	/**
	 * Takes the migration lock.
	 * @param connections where the H2 lock opens its own session
	 * @throws SQLException if the driver fails
	 */
	void lock(ConnectionFactory connections) throws SQLException {
		String schema = this.config.schema();
		String scope = ((schema != null) ? schema : String.valueOf(this.dialect.defaultSchema(this.connection)))
				+ "." + this.config.versionTable();
		this.lock = MigrationLock.create(this.dialect, scope,
				this.dialect.qualify(schema, this.config.versionTable() + "_lock"), connections);
		boolean createSchema = schema != null && this.config.createSchemas() && this.dialect.supportsSchemas();
		if (createSchema && this.dialect.lockNeedsSchema()) {
			// The H2 lock row lives in the schema, so the schema comes first; H2 creates it atomically.
			try (Statement statement = this.connection.createStatement()) {
				statement.execute(this.dialect.createSchema(schema));
			}
		}
		Duration timeout = this.config.lockTimeout();
		long start = System.nanoTime();
		this.lock.acquire(this.connection, timeout);
		logger.debug("Took the migration lock '{}' in {} ms", this.lock.name(),
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Creates the schema and the version and history tables when missing. Called with the lock held, once
	 * the plan has passed its checks, so a refused plan changes nothing.
	 * @throws SQLException if the database rejects the DDL
	 */
	void prepareTables() throws SQLException {
		String schema = this.config.schema();
		boolean createSchema = schema != null && this.config.createSchemas() && this.dialect.supportsSchemas();
		try (Statement statement = this.connection.createStatement()) {
			if (createSchema) {
				statement.execute(this.dialect.createSchema(schema));
			}
			if (!this.versionTable.exists(this.connection)) {
				logger.info("Creating the version table {}", this.versionTable.name());
				statement.execute(this.versionTable.createSql());
			}
			if (!this.historyTable.exists(this.connection)) {
				statement.execute(this.historyTable.createSql());
			}
		}
		if (this.config.schemaAsDefault() && this.previousSchema == null) {
			this.previousSchema = this.dialect.useSchema(this.connection, schema);
		}
	}

	/**
	 * @return the schema (MySQL/MariaDB: database) of migrate's tables, resolved when the session opened, or
	 * {@code null} when the engine cannot tell
	 */
	String tableSchema() {
		return this.tableSchema;
	}

	/**
	 * @return the replacements of {@code ${name}} in this session's scripts: the configured values, and the
	 * built-in schema, user and engine of this connection
	 */
	Placeholders placeholders() {
		return Placeholders.of(this.config.placeholders(), this.config.placeholderReplacement(), this.tableSchema,
				user(), this.dialect.name());
	}

	/**
	 * @return who runs the migration: the database user and this machine's host name, as {@code user@host}
	 */
	String installedBy() {
		return user() + "@" + hostName();
	}

	// The database user, without the '@host' MySQL and MariaDB add.
	private String user() {
		String user;
		try {
			user = this.connection.getMetaData().getUserName();
		}
		catch (SQLException ex) {
			user = null;
		}
		if (user == null || user.isBlank()) {
			user = "unknown";
		}
		int at = user.indexOf('@');
		if (at > 0) {
			user = user.substring(0, at);
		}
		return user;
	}

	@Override
	public void close() {
		try {
			if (this.lock != null) {
				if (!this.connection.getAutoCommit()) {
					this.connection.rollback();
					this.connection.setAutoCommit(true);
				}
				this.lock.release(this.connection);
			}
			if (this.previousSchema != null) {
				this.dialect.restoreSchema(this.connection, this.previousSchema);
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not release the migration lock or restore the default schema (closing the connection "
					+ "does both): {}", ex.getMessage());
		}
		finally {
			close(this.connection);
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Closing the connection failed: {}", ex.getMessage());
		}
	}

	private static String hostName() {
		String name = hostName;
		if (name == null) {
			try {
				name = InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				name = System.getenv().getOrDefault("HOSTNAME", "unknown");
			}
			hostName = name;
		}
		return name;
	}

}
