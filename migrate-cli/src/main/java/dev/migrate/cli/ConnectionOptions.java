package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * Where the database and the scripts are: a {@code @Mixin} of every command that reads them. Each option
 * falls back to a {@code MIGRATE_*} environment variable, then to {@code migrate.properties}; see
 * {@link SettingsResolver}.
 */
final class ConnectionOptions {

	@Option(names = "--url", paramLabel = "JDBC_URL",
			description = "JDBC URL of the database (env MIGRATE_URL, migrate.url).")
	String url;

	@Option(names = { "-u", "--user" }, paramLabel = "USER",
			description = "Database user (env MIGRATE_USER, migrate.user).")
	String user;

	@Option(names = "--password", paramLabel = "PASSWORD",
			description = "Database password (env MIGRATE_PASSWORD). Prefer --password-file or --password-prompt: "
					+ "command lines are visible to other users.")
	String password;

	@Option(names = "--password-file", paramLabel = "FILE",
			description = "Read the password from the first line of FILE (env MIGRATE_PASSWORD_FILE, "
					+ "migrate.password-file).")
	Path passwordFile;

	@Option(names = { "-P", "--password-prompt" }, description = "Prompt for the password on the terminal.")
	boolean passwordPrompt;

	@Option(names = "--locations", paramLabel = "LOCATION", split = ",",
			description = "Script locations, comma separated, filesystem: or classpath: (env MIGRATE_LOCATIONS, "
					+ "migrate.locations; default filesystem:migrations).")
	List<String> locations;

	@Option(names = "--version-table", paramLabel = "NAME",
			description = "Version table (env MIGRATE_VERSION_TABLE, migrate.version-table; default migrate_version).")
	String versionTable;

	@Option(names = "--history-table", paramLabel = "NAME",
			description = "History table (env MIGRATE_HISTORY_TABLE, migrate.history-table; default migrate_history).")
	String historyTable;

	@Option(names = "--schema", paramLabel = "SCHEMA",
			description = "Schema of the version and history tables (env MIGRATE_SCHEMA, migrate.schema).")
	String schema;

	@Option(names = "--dialect", paramLabel = "DIALECT",
			description = "Dialect for --sql when there is no URL: " + JdbcUrls.DIALECTS
					+ " (env MIGRATE_DIALECT, migrate.dialect).")
	String dialect;

	@Option(names = "--connect-retries", paramLabel = "N",
			description = "Retry the first connection N times, 10 s apart, for a database that is still starting "
					+ "(env MIGRATE_CONNECT_RETRIES, migrate.connect-retries; default 0).")
	String connectRetries;

	@Option(names = { "-c", "--config" }, paramLabel = "FILE",
			description = "Configuration file (env MIGRATE_CONFIG; default migrate.properties in the working "
					+ "directory, if present).")
	Path config;

}
