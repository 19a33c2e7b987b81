package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.lint.Severity;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationUnit;

/**
 * Settings of one migrate engine, shared by {@code migrate.*} (the default engine) and
 * {@code migrate.instances.<name>.*} (additional engines). Defaults are those of
 * {@link dev.migrate.core.MigrateConfig}.
 */
public class MigrateEngineProperties {

	/**
	 * Locations of revision scripts, 'classpath:' or 'filesystem:' prefixed.
	 */
	private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

	/**
	 * Target of the startup upgrade: 'heads', 'head', a revision id or prefix, or 'label@head'.
	 */
	private String target = "heads";

	/**
	 * What to do at startup.
	 */
	private OnStartup onStartup = OnStartup.UPGRADE;

	/**
	 * JDBC URL of the database to migrate, for a DataSource separate from the application's.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate, over migrate.url or the application's URL.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * Fully qualified name of the JDBC driver, detected from the URL by default.
	 */
	private @Nullable String driverClassName;

	/**
	 * Schema of the version and history tables; the connection's default schema when unset.
	 */
	private @Nullable String schema;

	/**
	 * Whether to create the schema of the version and history tables when it does not exist.
	 */
	private boolean createSchemas = true;

	/**
	 * Name of the version table, which holds one row per current head.
	 */
	private String versionTable = "migrate_version";

	/**
	 * Name of the history table, the audit trail of applied, reverted and stamped revisions.
	 */
	private String historyTable = "migrate_history";

	/**
	 * Whether to run each revision in its own transaction instead of the whole plan in one.
	 */
	private boolean transactionPerMigration = true;

	/**
	 * Whether to validate checksums and scripts before upgrading.
	 */
	private boolean validateOnMigrate = true;

	/**
	 * Maximum time to wait for another runner's migration lock. If a duration suffix is not specified,
	 * seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = Duration.ofSeconds(60);

	/**
	 * Maximum time a revision's statements wait for a table lock (PostgreSQL lock_timeout, MySQL/MariaDB lock_wait_timeout, SQL Server LOCK_TIMEOUT); unset keeps the server's wait, 5s is a good value. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration ddlLockTimeout;

	/**
	 * Number of times a transactional revision that timed out waiting for a table lock is rolled back and run again, after a pause that doubles from 0.5s.
	 */
	private int ddlLockRetries = 3;

	/**
	 * Maximum number of retries when the first connection fails, for a database that is not up yet.
	 */
	private int connectRetries;

	/**
	 * Pause between connection retries. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetriesInterval = Duration.ofSeconds(10);

	/**
	 * Bound on connecting and logging in through migrate.url, set as the driver's own timeout properties unless
	 * the URL sets them; 0 keeps the driver's default. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectTimeout = Duration.ofSeconds(30);

	/**
	 * Whether a script location that does not exist fails the migration instead of logging a warning.
	 */
	private boolean failOnMissingLocations;

	/**
	 * Dialect to use instead of detecting it: postgresql, mysql, mariadb, sqlite, sqlserver or h2.
	 */
	private @Nullable String dialect;

	/**
	 * Location of the desired schema as DDL, such as 'classpath:schema.sql'; checked against the database at startup and in the migrations endpoint.
	 */
	private @Nullable String model;

	/**
	 * JDBC URL of an empty scratch database for loading the model; in memory for SQLite and H2, a temporary schema or database on the migrated server otherwise.
	 */
	private @Nullable String devUrl;

	/**
	 * Lint at startup: reading the scripts for statements that would block, fail or break deployed code.
	 */
	private final Lint lint = new Lint();

	/**
	 * Values of ${name} placeholders in SQL scripts, by name; ${migrate:schema}, ${migrate:user}, ${migrate:engine} and ${migrate:revision} are built in.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether to replace ${name} placeholders in SQL scripts; a script turns it off for itself with '-- Placeholders: false'.
	 */
	private boolean placeholderReplacement = true;

	/**
	 * SQL statements run on every connection migrate opens, before anything else, such as 'SET ROLE app_owner'.
	 */
	private List<String> initSqls = new ArrayList<>();

	/**
	 * Whether to adopt a database that holds tables but no version table: stamp it at baseline-revision, then upgrade from there.
	 */
	private boolean baselineOnMigrate;

	/**
	 * Revision to stamp a database adopted by baseline-on-migrate at, the one its schema matches; the first base when unset.
	 */
	private @Nullable String baselineRevision;

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(@Nullable String driverClassName) {
		this.driverClassName = driverClassName;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public boolean isCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public boolean isTransactionPerMigration() {
		return this.transactionPerMigration;
	}

	public void setTransactionPerMigration(boolean transactionPerMigration) {
		this.transactionPerMigration = transactionPerMigration;
	}

	public boolean isValidateOnMigrate() {
		return this.validateOnMigrate;
	}

	public void setValidateOnMigrate(boolean validateOnMigrate) {
		this.validateOnMigrate = validateOnMigrate;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public @Nullable Duration getDdlLockTimeout() {
		return this.ddlLockTimeout;
	}

	public void setDdlLockTimeout(@Nullable Duration ddlLockTimeout) {
		this.ddlLockTimeout = ddlLockTimeout;
	}

	public int getDdlLockRetries() {
		return this.ddlLockRetries;
	}

	public void setDdlLockRetries(int ddlLockRetries) {
		this.ddlLockRetries = ddlLockRetries;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public boolean isFailOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	public void setFailOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
	}

	public @Nullable String getDialect() {
		return this.dialect;
	}

	public void setDialect(@Nullable String dialect) {
		this.dialect = dialect;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	public @Nullable String getDevUrl() {
		return this.devUrl;
	}

	public void setDevUrl(@Nullable String devUrl) {
		this.devUrl = devUrl;
	}

	public Lint getLint() {
		return this.lint;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public @Nullable String getBaselineRevision() {
		return this.baselineRevision;
	}

	public void setBaselineRevision(@Nullable String baselineRevision) {
		this.baselineRevision = baselineRevision;
	}

	/**
	 * The startup lint ({@code migrate lint}): whether it runs, and how it judges.
	 */
	public static class Lint {

		/**
		 * What the startup lint does with its findings: none (do not lint), log (log each finding) or fail (log them, and fail startup when an error-severity finding remains).
		 */
		private LintOnStartup onStartup = LintOnStartup.NONE;

		/**
		 * Severity per rule code, replacing the rule's default: error, warning, info or off, such as 'ALL01: error'.
		 */
		private Map<String, Severity> severity = new LinkedHashMap<>();

		/**
		 * Whether downgrade sections are linted too.
		 */
		private boolean downgrades;

		public LintOnStartup getOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(LintOnStartup onStartup) {
			this.onStartup = onStartup;
		}

		public Map<String, Severity> getSeverity() {
			return this.severity;
		}

		public void setSeverity(Map<String, Severity> severity) {
			this.severity = severity;
		}

		public boolean isDowngrades() {
			return this.downgrades;
		}

		public void setDowngrades(boolean downgrades) {
			this.downgrades = downgrades;
		}

	}

	/**
	 * What the startup lint does with its findings.
	 */
	public enum LintOnStartup {

		/**
		 * Do not lint.
		 */
		NONE,

		/**
		 * Log each finding; never fail.
		 */
		LOG,

		/**
		 * Log each finding, and fail startup when a finding at error severity remains.
		 */
		FAIL

	}

	/**
	 * What an engine does at startup.
	 */
	public enum OnStartup {

		/**
		 * Upgrade to the target.
		 */
		UPGRADE,

		/**
		 * Change nothing; fail startup if revisions are pending or scripts do not match the database.
		 */
		VALIDATE,

		/**
		 * Do nothing.
		 */
		NONE

	}

}
