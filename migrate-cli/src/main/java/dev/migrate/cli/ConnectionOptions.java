package dev.migrate.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where the database and the scripts are: a {@code @Mixin} of every command that reads them, and of the root
 * command, so that {@code migrate --url X upgrade head} means what {@code migrate upgrade head --url X} does (as
 * Alembic, Flyway and Liquibase users write it). A value after the command wins over one before it
 * ({@link #orElse}). Each option falls back to a {@code MIGRATE_*} environment variable, then to
 * {@code migrate.properties}; see {@link SettingsResolver}. The footer it adds to each command's help lists
 * those names.
 */
@Command(footerHeading = "%nEach option falls back to an environment variable, then to migrate.properties:%n",
		footer = { "  --url              MIGRATE_URL              migrate.url",
				"  --user             MIGRATE_USER             migrate.user",
				"  --password(-file)  MIGRATE_PASSWORD(_FILE)  migrate.password(-file)",
				"  --locations        MIGRATE_LOCATIONS        migrate.locations",
				"  --version-table    MIGRATE_VERSION_TABLE    migrate.version-table",
				"  --history-table    MIGRATE_HISTORY_TABLE    migrate.history-table",
				"  --schema           MIGRATE_SCHEMA           migrate.schema",
				"  --dialect          MIGRATE_DIALECT          migrate.dialect",
				"  --connect-retries  MIGRATE_CONNECT_RETRIES  migrate.connect-retries",
				"  --connect-timeout  MIGRATE_CONNECT_TIMEOUT  migrate.connect-timeout",
				"  --placeholder      -                        migrate.placeholders.NAME",
				"  --no-placeholders  MIGRATE_PLACEHOLDER_     migrate.placeholder-",
				"                     REPLACEMENT=false        replacement=false",
				"  --init-sql         MIGRATE_INIT_SQLS        migrate.init-sqls[0], [1]...",
				"  --config           MIGRATE_CONFIG", "'migrate config' shows the values in effect and their sources." })
final class ConnectionOptions {

	/** Dialect names the facade accepts for offline SQL. */
	static final String DIALECTS = "postgresql, mysql, mariadb, sqlite, sqlserver, h2";

	@Option(names = "--url", paramLabel = "JDBC_URL", description = "JDBC URL of the database.")
	String url;

	@Option(names = { "-u", "--user" }, paramLabel = "USER", description = "Database user.")
	String user;

	@Option(names = "--password", paramLabel = "PASSWORD",
			description = "Database password. Prefer --password-file, --password-prompt or MIGRATE_PASSWORD: "
					+ "command lines are visible to other users.")
	String password;

	@Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
	Path passwordFile;

	@Option(names = { "-P", "--password-prompt" }, description = "Prompt for the password on the terminal.")
	boolean passwordPrompt;

	@Option(names = "--locations", paramLabel = "LOCATION", split = ",",
			description = { "Script locations, comma separated; each one", "filesystem:DIR or classpath:PACKAGE.",
					"Default: filesystem:migrations" })
	List<String> locations;

	@Option(names = "--version-table", paramLabel = "NAME", description = "Version table (default: migrate_version).")
	String versionTable;

	@Option(names = "--history-table", paramLabel = "NAME", description = "History table (default: migrate_history).")
	String historyTable;

	@Option(names = "--schema", paramLabel = "SCHEMA", description = "Schema of the version and history tables.")
	String schema;

	@Option(names = "--dialect", paramLabel = "DIALECT",
			description = "Dialect for --sql when there is no URL: " + DIALECTS + ".")
	String dialect;

	@Option(names = "--connect-retries", paramLabel = "N",
			description = "Retry the first connection N times, 10 s apart, for a database that is still starting "
					+ "(default: 0).")
	String connectRetries;

	@Option(names = "--connect-timeout", paramLabel = "SECONDS",
			description = "Give up connecting and logging in after SECONDS; 0 keeps the driver's own default "
					+ "(default: 30).")
	String connectTimeout;

	// picocli reads ${...} in descriptions as its own variables: $${ prints a literal ${.
	@Option(names = "--placeholder", paramLabel = "NAME=VALUE",
			description = { "Value of $${NAME} in SQL scripts; repeat for more.",
					"Built in: $${migrate:schema}, $${migrate:user}, $${migrate:engine}, $${migrate:revision}." })
	Map<String, String> placeholders;

	@Option(names = "--no-placeholders", description = "Run SQL scripts as written, without replacing $${NAME}.")
	Boolean noPlaceholders;

	@Option(names = "--init-sql", paramLabel = "SQL",
			description = "Run SQL on every connection before anything else (such as 'SET ROLE app_owner'); repeat for more.")
	List<String> initSqls;

	@Option(names = { "-c", "--config" }, paramLabel = "FILE",
			description = "Configuration file (default: migrate.properties in the working directory, if present).")
	Path config;

	/**
	 * @param before the options given before the command name (the root command's)
	 * @return these options, each unset one taken from {@code before}
	 */
	ConnectionOptions orElse(ConnectionOptions before) {
		ConnectionOptions merged = new ConnectionOptions();
		merged.url = (this.url != null) ? this.url : before.url;
		merged.user = (this.user != null) ? this.user : before.user;
		merged.password = (this.password != null) ? this.password : before.password;
		merged.passwordFile = (this.passwordFile != null) ? this.passwordFile : before.passwordFile;
		merged.passwordPrompt = this.passwordPrompt || before.passwordPrompt;
		merged.locations = (this.locations != null) ? this.locations : before.locations;
		merged.versionTable = (this.versionTable != null) ? this.versionTable : before.versionTable;
		merged.historyTable = (this.historyTable != null) ? this.historyTable : before.historyTable;
		merged.schema = (this.schema != null) ? this.schema : before.schema;
		merged.dialect = (this.dialect != null) ? this.dialect : before.dialect;
		merged.connectRetries = (this.connectRetries != null) ? this.connectRetries : before.connectRetries;
		merged.connectTimeout = (this.connectTimeout != null) ? this.connectTimeout : before.connectTimeout;
		merged.config = (this.config != null) ? this.config : before.config;
		if (before.placeholders != null || this.placeholders != null) {
			merged.placeholders = new LinkedHashMap<>();
			if (before.placeholders != null) {
				merged.placeholders.putAll(before.placeholders);
			}
			if (this.placeholders != null) {
				merged.placeholders.putAll(this.placeholders);
			}
		}
		merged.noPlaceholders = (this.noPlaceholders != null) ? this.noPlaceholders : before.noPlaceholders;
		merged.initSqls = (this.initSqls != null) ? this.initSqls : before.initSqls;
		return merged;
	}

}
