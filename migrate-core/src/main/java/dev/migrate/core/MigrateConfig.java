package dev.migrate.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.script.JavaMigration;

/**
 * Everything a {@link Migrator} needs, validated once by {@link Builder#build()}. Immutable.
 *
 * <p>Over 400 lines because every setting has a field, a getter and a builder method, each with its Javadoc.
 */
public final class MigrateConfig {

	/** The default script location. */
	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	/** The default version table, one row per current head. */
	public static final String DEFAULT_VERSION_TABLE = "migrate_version";

	/** The default history table. */
	public static final String DEFAULT_HISTORY_TABLE = "migrate_history";

	/** The default target of {@code upgrade} at startup. */
	public static final String DEFAULT_TARGET = "heads";

	/** The default time to wait for another runner's lock. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

	/** How often a transactional revision that timed out waiting for a table lock runs again, by default. */
	public static final int DEFAULT_DDL_LOCK_RETRIES = 3;

	/**
	 * The default bound on opening a connection from {@link #url()}: TCP connect and login (the driver's
	 * {@code connectTimeout}/{@code loginTimeout}, see {@link JdbcUrls#timeoutProperties}).
	 */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

	/** The default pause between connection attempts. */
	public static final Duration DEFAULT_CONNECT_RETRIES_INTERVAL = Duration.ofSeconds(10);

	// A plain SQL identifier: configuration never reaches SQL unquoted, but names stay portable across engines.
	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private final DataSource dataSource;

	private final String url;

	private final String user;

	private final String password;

	private final List<String> locations;

	private final List<JavaMigration> javaMigrations;

	private final ClassLoader classLoader;

	private final String schema;

	private final boolean createSchemas;

	private final boolean schemaAsDefault;

	private final String versionTable;

	private final String historyTable;

	private final boolean transactionPerMigration;

	private final boolean validateOnMigrate;

	private final Duration lockTimeout;

	private final Duration ddlLockTimeout;

	private final int ddlLockRetries;

	private final int connectRetries;

	private final Duration connectRetriesInterval;

	private final Duration connectTimeout;

	private final boolean failOnMissingLocations;

	private final String dialect;

	private final List<MigrationListener> listeners;

	private MigrateConfig(Builder builder) {
		this.dataSource = builder.dataSource;
		this.url = builder.url;
		this.user = builder.user;
		this.password = builder.password;
		this.locations = List.copyOf(builder.locations);
		this.javaMigrations = List.copyOf(builder.javaMigrations);
		this.classLoader = (builder.classLoader != null) ? builder.classLoader
				: Thread.currentThread().getContextClassLoader();
		this.schema = builder.schema;
		this.createSchemas = builder.createSchemas;
		this.schemaAsDefault = builder.schemaAsDefault;
		this.versionTable = builder.versionTable;
		this.historyTable = builder.historyTable;
		this.transactionPerMigration = builder.transactionPerMigration;
		this.validateOnMigrate = builder.validateOnMigrate;
		this.lockTimeout = builder.lockTimeout;
		this.ddlLockTimeout = builder.ddlLockTimeout;
		this.ddlLockRetries = builder.ddlLockRetries;
		this.connectRetries = builder.connectRetries;
		this.connectRetriesInterval = builder.connectRetriesInterval;
		this.connectTimeout = builder.connectTimeout;
		this.failOnMissingLocations = builder.failOnMissingLocations;
		this.dialect = builder.dialect;
		this.listeners = List.copyOf(builder.listeners);
	}

	/**
	 * @return a new builder with every default set
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the DataSource, or {@code null} when {@link #url()} is used */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** @return the JDBC URL, or {@code null} when a DataSource is used */
	public String url() {
		return this.url;
	}

	/** @return the user for {@link #url()}, or {@code null} */
	public String user() {
		return this.user;
	}

	/** @return the password for {@link #url()}, or {@code null}; never logged */
	public String password() {
		return this.password;
	}

	/** @return script locations ({@code classpath:} or {@code filesystem:}) */
	public List<String> locations() {
		return this.locations;
	}

	/** @return Java migrations registered explicitly, beside those found by scanning */
	public List<JavaMigration> javaMigrations() {
		return this.javaMigrations;
	}

	/** @return the class loader for {@code classpath:} locations */
	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/** @return the schema of the version and history tables, or {@code null} for the connection's default */
	public String schema() {
		return this.schema;
	}

	/** @return whether to create {@link #schema()} when it does not exist */
	public boolean createSchemas() {
		return this.createSchemas;
	}

	/**
	 * @return whether scripts run with {@link #schema()} as the connection's default schema ({@code search_path}
	 * on PostgreSQL, the current schema elsewhere), as each tenant's scripts do in schema mode
	 */
	public boolean schemaAsDefault() {
		return this.schemaAsDefault;
	}

	/**
	 * @return a builder holding every setting of this configuration, to derive another one (a tenant's) from it
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.dataSource = this.dataSource;
		builder.url = this.url;
		builder.user = this.user;
		builder.password = this.password;
		builder.locations = this.locations;
		builder.javaMigrations.addAll(this.javaMigrations);
		builder.classLoader = this.classLoader;
		builder.schema = this.schema;
		builder.createSchemas = this.createSchemas;
		builder.schemaAsDefault = this.schemaAsDefault;
		builder.versionTable = this.versionTable;
		builder.historyTable = this.historyTable;
		builder.transactionPerMigration = this.transactionPerMigration;
		builder.validateOnMigrate = this.validateOnMigrate;
		builder.lockTimeout = this.lockTimeout;
		builder.connectRetries = this.connectRetries;
		builder.connectRetriesInterval = this.connectRetriesInterval;
		builder.failOnMissingLocations = this.failOnMissingLocations;
		builder.dialect = this.dialect;
		builder.listeners.addAll(this.listeners);
		builder.ddlLockTimeout = this.ddlLockTimeout;
		builder.ddlLockRetries = this.ddlLockRetries;
		builder.connectTimeout = this.connectTimeout;
		return builder;
	}

	/** @return the version table's name */
	public String versionTable() {
		return this.versionTable;
	}

	/** @return the history table's name */
	public String historyTable() {
		return this.historyTable;
	}

	/**
	 * The tables migrate keeps its records in, which schema comparisons leave out.
	 * @return the version table, the history table and the version table's lock table
	 */
	public java.util.Set<String> bookkeepingTables() {
		return java.util.Set.of(this.versionTable, this.historyTable, this.versionTable + "_lock");
	}

	/** @return {@code true} for one transaction per revision, {@code false} for the whole plan in one */
	public boolean transactionPerMigration() {
		return this.transactionPerMigration;
	}

	/** @return whether {@code upgrade} validates checksums and files first */
	public boolean validateOnMigrate() {
		return this.validateOnMigrate;
	}

	/** @return how long to wait for another runner's lock */
	public Duration lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * @return how long a revision's statements may wait for a table lock ({@code SET LOCAL lock_timeout} on
	 * PostgreSQL, {@code lock_wait_timeout} on MySQL/MariaDB, {@code LOCK_TIMEOUT} on SQL Server), or
	 * {@code null} for the server's own setting (the default)
	 */
	public Duration ddlLockTimeout() {
		return this.ddlLockTimeout;
	}

	/** @return how many times a transactional revision that timed out waiting for a lock is run again */
	public int ddlLockRetries() {
		return this.ddlLockRetries;
	}

	/** @return how many times to retry a failed first connection */
	public int connectRetries() {
		return this.connectRetries;
	}

	/** @return the pause between connection attempts */
	public Duration connectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	/** @return the bound on connecting and logging in through {@link #url()}; zero leaves the driver's default */
	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/** @return whether a location that does not exist is an error (else a warning) */
	public boolean failOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	/** @return the dialect name to use instead of detecting it, or {@code null} */
	public String dialect() {
		return this.dialect;
	}

	/** @return listeners, called in order */
	public List<MigrationListener> listeners() {
		return this.listeners;
	}

	/**
	 * Collects settings; {@link #build()} validates them all at once.
	 */
	public static final class Builder {

		private DataSource dataSource;

		private String url;

		private String user;

		private String password;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private final List<JavaMigration> javaMigrations = new ArrayList<>();

		private ClassLoader classLoader;

		private String schema;

		private boolean createSchemas = true;

		private boolean schemaAsDefault;

		private String versionTable = DEFAULT_VERSION_TABLE;

		private String historyTable = DEFAULT_HISTORY_TABLE;

		private boolean transactionPerMigration = true;

		private boolean validateOnMigrate = true;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private Duration ddlLockTimeout;

		private int ddlLockRetries = DEFAULT_DDL_LOCK_RETRIES;

		private int connectRetries;

		private Duration connectRetriesInterval = DEFAULT_CONNECT_RETRIES_INTERVAL;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private boolean failOnMissingLocations;

		private String dialect;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private Builder() {
		}

		/** @param dataSource the DataSource to migrate @return this builder */
		public Builder dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		/** @param url a JDBC URL, instead of a DataSource @return this builder */
		public Builder url(String url) {
			this.url = url;
			return this;
		}

		/** @param user the user for the URL @return this builder */
		public Builder user(String user) {
			this.user = user;
			return this;
		}

		/** @param password the password for the URL @return this builder */
		public Builder password(String password) {
			this.password = password;
			return this;
		}

		/** @param locations script locations @return this builder */
		public Builder locations(List<String> locations) {
			this.locations = List.copyOf(locations);
			return this;
		}

		/** @param locations script locations @return this builder */
		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		/** @param migrations Java migrations to register @return this builder */
		public Builder javaMigrations(List<? extends JavaMigration> migrations) {
			this.javaMigrations.addAll(migrations);
			return this;
		}

		/** @param classLoader the class loader for classpath locations @return this builder */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/** @param schema the schema of the version and history tables @return this builder */
		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		/** @param createSchemas whether to create the schema @return this builder */
		public Builder createSchemas(boolean createSchemas) {
			this.createSchemas = createSchemas;
			return this;
		}

		/**
		 * @param schemaAsDefault whether scripts run with the schema as the connection's default schema
		 * @return this builder
		 */
		public Builder schemaAsDefault(boolean schemaAsDefault) {
			this.schemaAsDefault = schemaAsDefault;
			return this;
		}

		/** @param versionTable the version table's name @return this builder */
		public Builder versionTable(String versionTable) {
			this.versionTable = versionTable;
			return this;
		}

		/** @param historyTable the history table's name @return this builder */
		public Builder historyTable(String historyTable) {
			this.historyTable = historyTable;
			return this;
		}

		/** @param transactionPerMigration one transaction per revision, or one for the plan @return this builder */
		public Builder transactionPerMigration(boolean transactionPerMigration) {
			this.transactionPerMigration = transactionPerMigration;
			return this;
		}

		/** @param validateOnMigrate whether to validate before upgrading @return this builder */
		public Builder validateOnMigrate(boolean validateOnMigrate) {
			this.validateOnMigrate = validateOnMigrate;
			return this;
		}

		/**
		 * @param ddlLockTimeout how long a revision's statements may wait for a table lock, or {@code null} for
		 * the server's setting; a few seconds (such as 5 s) keeps queries from queueing behind a waiting DDL
		 * @return this builder
		 */
		public Builder ddlLockTimeout(Duration ddlLockTimeout) {
			this.ddlLockTimeout = ddlLockTimeout;
			return this;
		}

		/** @param ddlLockRetries how often to run a lock-timed-out transactional revision again @return this builder */
		public Builder ddlLockRetries(int ddlLockRetries) {
			this.ddlLockRetries = ddlLockRetries;
			return this;
		}

		/** @param lockTimeout how long to wait for the lock @return this builder */
		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		/** @param connectRetries retries of the first connection @return this builder */
		public Builder connectRetries(int connectRetries) {
			this.connectRetries = connectRetries;
			return this;
		}

		/** @param interval the pause between connection attempts @return this builder */
		public Builder connectRetriesInterval(Duration interval) {
			this.connectRetriesInterval = interval;
			return this;
		}

		/**
		 * @param connectTimeout the bound on connecting and logging in through the URL, applied as each known
		 * driver's own timeout properties unless the URL sets them; zero leaves the driver's default
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/** @param failOnMissingLocations whether a missing location fails @return this builder */
		public Builder failOnMissingLocations(boolean failOnMissingLocations) {
			this.failOnMissingLocations = failOnMissingLocations;
			return this;
		}

		/** @param dialect a dialect name to use instead of detection @return this builder */
		public Builder dialect(String dialect) {
			this.dialect = dialect;
			return this;
		}

		/** @param listener a listener to add @return this builder */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Validates every setting and builds the configuration.
		 * @return the configuration
		 * @throws ConfigurationException naming the first invalid setting and the fix
		 */
		public MigrateConfig build() {
			if (this.dataSource != null && this.url != null) {
				throw new ConfigurationException("url", "dataSource and url cannot be used together; set one of them");
			}
			moveCredentialsOutOfUrl();
			if (this.locations.isEmpty()) {
				throw new ConfigurationException("locations",
						"locations is empty; name at least one, e.g. " + DEFAULT_LOCATION);
			}
			for (String location : this.locations) {
				if (location == null || location.isBlank()) {
					throw new ConfigurationException("locations", "locations contains a blank entry; remove it");
				}
			}
			requireName("versionTable", this.versionTable);
			requireName("historyTable", this.historyTable);
			if (this.versionTable.equalsIgnoreCase(this.historyTable)) {
				throw new ConfigurationException("historyTable",
						"versionTable and historyTable are both '" + this.versionTable + "'; give them different names");
			}
			if (this.schema != null) {
				requireName("schema", this.schema);
			}
			else if (this.schemaAsDefault) {
				throw new ConfigurationException("schemaAsDefault",
						"schemaAsDefault needs a schema to make the default; set schema");
			}
			if (this.ddlLockTimeout != null && (this.ddlLockTimeout.isNegative() || this.ddlLockTimeout.isZero())) {
				throw new ConfigurationException("ddlLockTimeout",
						"ddlLockTimeout must be positive (leave it unset for the server's own wait), was "
								+ this.ddlLockTimeout);
			}
			if (this.ddlLockRetries < 0) {
				throw new ConfigurationException("ddlLockRetries",
						"ddlLockRetries must be zero or positive, was " + this.ddlLockRetries);
			}
			if (this.lockTimeout == null || this.lockTimeout.isNegative()) {
				throw new ConfigurationException("lockTimeout",
						"lockTimeout must be zero or positive, was " + this.lockTimeout);
			}
			if (this.connectRetries < 0) {
				throw new ConfigurationException("connectRetries",
						"connectRetries must be zero or positive, was " + this.connectRetries);
			}
			if (this.connectRetriesInterval == null || this.connectRetriesInterval.isNegative()) {
				throw new ConfigurationException("connectRetriesInterval",
						"connectRetriesInterval must be zero or positive, was " + this.connectRetriesInterval);
			}
			if (this.connectTimeout == null || this.connectTimeout.isNegative()) {
				throw new ConfigurationException("connectTimeout",
						"connectTimeout must be zero or positive, was " + this.connectTimeout);
			}
			if (this.dialect != null) {
				// Throws a ConfigurationException for 'dialect' that lists the names that exist.
				DialectResolver.byName(this.dialect);
			}
			return new MigrateConfig(this);
		}

		/**
		 * Takes {@code user:password@} out of the URL before any driver sees it: most drivers do not support it and
		 * would print the password, or look it up in DNS as part of a host name.
		 */
		private void moveCredentialsOutOfUrl() {
			JdbcUrls.Credentials credentials = JdbcUrls.combineCredentials(this.url, this.user, this.password)
				.orElseThrow(() -> new ConfigurationException("url", "the url " + JdbcUrls.mask(this.url)
						+ " holds a user and password that differ from the user and password set separately; set"
						+ " them in one place"));
			this.url = credentials.url();
			this.user = credentials.user();
			this.password = credentials.password();
		}

		private static void requireName(String setting, String value) {
			if (value == null || !NAME.matcher(value).matches()) {
				throw new ConfigurationException(setting, setting + " '" + value
						+ "' is not a valid name: use a letter or underscore, then letters, digits or underscores"
						+ " (at most 63)");
			}
		}

	}

}
