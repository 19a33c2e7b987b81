package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.report.Redactor;

/**
 * The resolved settings of one run, each with its source, and the {@link MigrateConfig} they make.
 */
final class Settings {

	private final Map<String, Setting> settings;

	private final Path configFile;

	private final Map<String, String> placeholders;

	private final List<String> initSqls;

	Settings(Map<String, Setting> settings, Path configFile, Map<String, String> placeholders, List<String> initSqls) {
		this.settings = Map.copyOf(settings);
		this.configFile = configFile;
		this.placeholders = Map.copyOf(placeholders);
		this.initSqls = List.copyOf(initSqls);
	}

	/**
	 * @param name a setting name such as {@code url}
	 * @return the setting (never {@code null}; its value may be)
	 */
	Setting get(String name) {
		Setting setting = this.settings.get(name);
		if (setting == null) {
			throw new IllegalArgumentException("No setting '" + name + "'");
		}
		return setting;
	}

	/**
	 * @return the settings in a fixed order, for {@code migrate config}
	 */
	Collection<Setting> all() {
		return List.of(get("url"), get("user"), get("password"), get("locations"), get("version-table"),
				get("history-table"), get("schema"), get("dialect"), get("connect-retries"),
				get("connect-timeout"), get("placeholders"), get("init-sqls"));
	}

	/**
	 * @return the configuration file that was read, or {@code null}
	 */
	Path configFile() {
		return this.configFile;
	}

	/**
	 * @return a redactor for this run's URL and password
	 */
	Redactor redactor() {
		return new Redactor(get("url").value(), get("password").value());
	}

	/**
	 * @return the resolved script locations, absolute
	 */
	List<String> locations() {
		return Arrays.asList(get("locations").value().split(","));
	}

	/**
	 * @return the URL
	 * @throws ConfigurationException when none is configured
	 */
	String requireUrl() {
		String url = get("url").value();
		if (url == null) {
			throw new ConfigurationException("url", "No database URL: pass --url, set MIGRATE_URL, or set migrate.url in "
					+ ((this.configFile != null) ? this.configFile : "migrate.properties (run 'migrate init' to create it)"));
		}
		return url;
	}

	/**
	 * @param needer what needs it, for the message: {@code --sql} or {@code lint}
	 * @return the dialect for offline SQL or lint: the configured one, else the one the URL implies
	 * @throws ConfigurationException when neither gives one
	 */
	String requireDialect(String needer) {
		Setting dialect = get("dialect");
		if (dialect.isSet()) {
			return dialect.value();
		}
		String fromUrl = JdbcUrls.dialectOf(get("url").value());
		if (fromUrl == null) {
			throw new ConfigurationException("dialect", needer + " needs a dialect: pass --dialect (" + ConnectionOptions.DIALECTS
					+ "), set MIGRATE_DIALECT or migrate.dialect, or configure a URL");
		}
		return fromUrl;
	}

	/**
	 * Checks that every {@code filesystem:} location exists, naming where it was configured.
	 * @throws ConfigurationException for the first one that does not
	 */
	void requireLocations() {
		for (String location : locations()) {
			if (location.startsWith("filesystem:")) {
				Path directory = Path.of(location.substring("filesystem:".length()));
				if (Files.exists(directory) && !Files.isDirectory(directory)) {
					throw new ConfigurationException("locations", "Script location " + location + " (from "
							+ get("locations").source() + ") is a file, not a directory; name the directory that"
							+ " holds the scripts in --locations / MIGRATE_LOCATIONS / migrate.locations");
				}
				if (!Files.isDirectory(directory)) {
					throw new ConfigurationException("locations", "Script location " + location + " (from "
							+ get("locations").source() + ") does not exist; run 'migrate init' to create it, or fix "
							+ "--locations / MIGRATE_LOCATIONS / migrate.locations");
				}
			}
		}
	}

	private long connectTimeout() {
		Setting timeout = get("connect-timeout");
		try {
			return Long.parseLong(timeout.value());
		}
		catch (NumberFormatException ex) {
			throw new ConfigurationException("connectTimeout", "connect-timeout (from " + timeout.source()
					+ ") must be a whole number of seconds, was '" + timeout.value() + "'");
		}
	}

	private boolean placeholderReplacement() {
		Setting replacement = get("placeholder-replacement");
		if (!"true".equalsIgnoreCase(replacement.value()) && !"false".equalsIgnoreCase(replacement.value())) {
			throw new ConfigurationException("placeholderReplacement", "placeholder-replacement (from "
					+ replacement.source() + ") must be true or false, was '" + replacement.value() + "'");
		}
		return Boolean.parseBoolean(replacement.value());
	}

	private int connectRetries() {
		Setting retries = get("connect-retries");
		try {
			return Integer.parseInt(retries.value());
		}
		catch (NumberFormatException ex) {
			throw new ConfigurationException("connectRetries", "connect-retries (from " + retries.source()
					+ ") must be a whole number, was '" + retries.value() + "'");
		}
	}

	/**
	 * @param withDatabase whether the command connects (then a URL is required)
	 * @param listeners listeners to register
	 * @return the facade configuration
	 */
	MigrateConfig toConfig(boolean withDatabase, List<MigrationListener> listeners) {
		return toConfig(withDatabase, listeners, (builder) -> {
		});
	}

	/**
	 * @param withDatabase whether the command connects (then a URL is required)
	 * @param listeners listeners to register
	 * @param options what the command's own options set
	 * @return the facade configuration
	 */
	MigrateConfig toConfig(boolean withDatabase, List<MigrationListener> listeners,
			Consumer<MigrateConfig.Builder> options) {
		MigrateConfig.Builder builder = withoutDatabase();
		if (withDatabase) {
			builder.url(requireUrl()).user(get("user").value()).password(get("password").value());
		}
		else if (get("url").isSet()) {
			builder.url(get("url").value()).user(get("user").value()).password(get("password").value());
		}
		listeners.forEach(builder::listener);
		options.accept(builder);
		return builder.build();
	}

	/**
	 * @param url a database other than the configured one (a scratch database), without user or password
	 * @return the facade configuration for these scripts on that database
	 */
	MigrateConfig toConfig(String url) {
		return withoutDatabase().url(url).build();
	}

	private MigrateConfig.Builder withoutDatabase() {
		return MigrateConfig.builder()
			.locations(locations())
			.versionTable(get("version-table").value())
			.historyTable(get("history-table").value())
			.schema(get("schema").value())
			.dialect(get("dialect").value())
			.connectRetries(connectRetries())
			.connectTimeout(Duration.ofSeconds(connectTimeout()))
			.placeholders(this.placeholders)
			.placeholderReplacement(placeholderReplacement())
			.initSqls(this.initSqls)
			.failOnMissingLocations(true)
			.classLoader(Settings.class.getClassLoader());
	}

}
