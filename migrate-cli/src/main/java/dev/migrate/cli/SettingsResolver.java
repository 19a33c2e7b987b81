package dev.migrate.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.report.SqlLiterals;

/**
 * Resolves every setting with one precedence: flags, then {@code MIGRATE_*} environment variables, then
 * {@code migrate.properties} (or the {@code --config} file), then defaults. Relative {@code filesystem:}
 * locations are resolved against the directory of the file that named them, or the working directory.
 */
final class SettingsResolver {

	/** The configuration file read from the working directory when no other is named. */
	static final String DEFAULT_CONFIG_FILE = "migrate.properties";

	/** The default script location of the command line. */
	static final String DEFAULT_LOCATIONS = "filesystem:migrations";

	// A URL-like scheme of two or more characters; one letter and a colon is a Windows drive.
	private static final Pattern UNKNOWN_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

	private static final String PREFIX = "migrate.";

	private static final Set<String> KEYS = Set.of("url", "user", "password", "password-file", "locations",
			"version-table", "history-table", "schema", "dialect", "connect-retries", "connect-timeout",
			"placeholder-replacement", "init-sqls");

	/** Keys with a name or an index after them: {@code migrate.placeholders.NAME}, {@code migrate.init-sqls[0]}. */
	private static final Pattern KEY_WITH_PART = Pattern.compile("placeholders\\.[A-Za-z0-9_.-]+|init-sqls\\[\\d+\\]");

	private static final String PLACEHOLDERS = PREFIX + "placeholders.";

	private final CliEnvironment environment;

	SettingsResolver(CliEnvironment environment) {
		this.environment = environment;
	}

	/**
	 * @param options the flags given
	 * @return every setting, resolved
	 * @throws ConfigurationException naming the setting, where it came from and the fix
	 */
	Settings resolve(ConnectionOptions options) {
		Path configFile = configFile(options);
		Properties file = (configFile != null) ? load(configFile) : new Properties();
		Map<String, Setting> settings = new LinkedHashMap<>();
		put(settings, pick("url", options.url, "--url", file, configFile, null));
		put(settings, pick("user", options.user, "--user", file, configFile, null));
		put(settings, locations(options, file, configFile));
		put(settings, pick("version-table", options.versionTable, "--version-table", file, configFile,
				MigrateConfig.DEFAULT_VERSION_TABLE));
		put(settings, pick("history-table", options.historyTable, "--history-table", file, configFile,
				MigrateConfig.DEFAULT_HISTORY_TABLE));
		put(settings, pick("schema", options.schema, "--schema", file, configFile, null));
		put(settings, pick("dialect", options.dialect, "--dialect", file, configFile, null));
		put(settings, pick("connect-retries", options.connectRetries, "--connect-retries", file, configFile, "0"));
		put(settings, pick("connect-timeout", options.connectTimeout, "--connect-timeout", file, configFile,
				Long.toString(MigrateConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds())));
		put(settings, password(options, file, configFile, settings.get("url").value()));
		Setting replacement = pick("placeholder-replacement",
				Boolean.TRUE.equals(options.noPlaceholders) ? "false" : null, "--no-placeholders", file, configFile,
				"true");
		Map<String, String> placeholders = new TreeMap<>();
		List<String> sources = new ArrayList<>();
		for (String key : new TreeSet<>(file.stringPropertyNames())) {
			if (key.startsWith(PLACEHOLDERS)) {
				placeholders.put(key.substring(PLACEHOLDERS.length()), file.getProperty(key));
				addOnce(sources, PLACEHOLDERS + "* in " + configFile);
			}
		}
		if (options.placeholders != null) {
			placeholders.putAll(options.placeholders);
			addOnce(sources, "--placeholder");
		}
		put(settings, placeholdersSetting(placeholders, sources, replacement));
		put(settings, replacement);
		InitSqls initSqls = initSqls(options, file, configFile);
		put(settings, initSqls.setting());
		return new Settings(settings, configFile, placeholders, initSqls.statements());
	}

	// One row for 'migrate config': the values, or 'off' with where replacement was switched off.
	private static Setting placeholdersSetting(Map<String, String> values, List<String> sources, Setting replacement) {
		if ("false".equalsIgnoreCase(replacement.value())) {
			return new Setting("placeholders", "off", replacement.source());
		}
		if (values.isEmpty()) {
			return new Setting("placeholders", null, "not set");
		}
		List<String> pairs = new ArrayList<>();
		// A value whose name says it is a secret is masked, as Spring Boot masks such keys.
		values.forEach((name, value) -> pairs.add(name + "=" + (SqlLiterals.isSecretName(name) ? JdbcUrls.MASK : value)));
		return new Setting("placeholders", String.join(", ", pairs), String.join(", ", sources));
	}

	private InitSqls initSqls(ConnectionOptions options, Properties file, Path configFile) {
		if (options.initSqls != null) {
			return new InitSqls(options.initSqls, "--init-sql");
		}
		String fromEnvironment = variable("MIGRATE_INIT_SQLS");
		if (fromEnvironment != null) {
			return new InitSqls(List.of(fromEnvironment), "MIGRATE_INIT_SQLS");
		}
		List<String> statements = new ArrayList<>();
		String single = blankToNull(file.getProperty(PREFIX + "init-sqls"));
		if (single != null) {
			statements.add(single);
		}
		for (int i = 0; file.getProperty(PREFIX + "init-sqls[" + i + "]") != null; i++) {
			statements.add(file.getProperty(PREFIX + "init-sqls[" + i + "]").strip());
		}
		return new InitSqls(statements, statements.isEmpty() ? "not set" : PREFIX + "init-sqls in " + configFile);
	}

	/**
	 * The init SQL statements of a run and where they came from.
	 */
	private record InitSqls(List<String> statements, String source) {

		Setting setting() {
			// Masked as in the failure message: a literal may hold a secret.
			return new Setting("init-sqls", this.statements.isEmpty() ? null
					: String.join("; ", this.statements.stream().map(SqlLiterals::mask).toList()),
					this.source);
		}

	}

	private static void addOnce(List<String> list, String item) {
		if (!list.contains(item)) {
			list.add(item);
		}
	}

	private static void put(Map<String, Setting> settings, Setting setting) {
		settings.put(setting.name(), setting);
	}

	private Path configFile(ConnectionOptions options) {
		if (options.config != null) {
			return requireFile(this.environment.workingDirectory().resolve(options.config), "--config");
		}
		String fromEnvironment = variable("MIGRATE_CONFIG");
		if (fromEnvironment != null) {
			return requireFile(this.environment.workingDirectory().resolve(fromEnvironment), "MIGRATE_CONFIG");
		}
		Path standard = this.environment.workingDirectory().resolve(DEFAULT_CONFIG_FILE);
		return Files.isRegularFile(standard) ? standard : null;
	}

	private static Path requireFile(Path file, String source) {
		Path normalized = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(normalized)) {
			throw new ConfigurationException("config", "Configuration file " + normalized + " (from " + source
					+ ") does not exist; fix the path, or run 'migrate init' to create one");
		}
		return normalized;
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		List<String> lines;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new ConfigurationException("config", "Cannot read configuration file " + file + ": " + ex.getMessage());
		}
		for (String key : properties.stringPropertyNames()) {
			if (!key.startsWith(PREFIX) || !(KEYS.contains(key.substring(PREFIX.length()))
					|| KEY_WITH_PART.matcher(key.substring(PREFIX.length())).matches())) {
				Set<String> known = new TreeSet<>();
				KEYS.forEach((name) -> known.add(PREFIX + name));
				known.add(PLACEHOLDERS + "NAME");
				throw new ConfigurationException("config", "Unknown key '" + key + "' in " + file + lineOf(lines, key)
						+ "; the known keys are " + String.join(", ", known));
			}
		}
		return properties;
	}

	private static String lineOf(List<String> lines, String key) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.startsWith(key) && line.substring(key.length()).strip().matches("^[=:].*|^$")) {
				return " line " + (i + 1);
			}
		}
		return "";
	}

	private Setting pick(String name, String flagValue, String flag, Properties file, Path configFile,
			String defaultValue) {
		if (flagValue != null) {
			return new Setting(name, flagValue, flag);
		}
		String variableName = variableName(name);
		String fromEnvironment = variable(variableName);
		if (fromEnvironment != null) {
			return new Setting(name, fromEnvironment, variableName);
		}
		String fromFile = blankToNull(file.getProperty(PREFIX + name));
		if (fromFile != null) {
			return new Setting(name, fromFile, PREFIX + name + " in " + configFile);
		}
		return new Setting(name, defaultValue, (defaultValue != null) ? "default" : "not set");
	}

	private Setting locations(ConnectionOptions options, Properties file, Path configFile) {
		Setting raw = pick("locations", (options.locations != null) ? String.join(",", options.locations) : null,
				"--locations", file, configFile, DEFAULT_LOCATIONS);
		Path base = (raw.source().startsWith(PREFIX)) ? configFile.getParent() : this.environment.workingDirectory();
		List<String> resolved = new ArrayList<>();
		for (String location : raw.value().split(",")) {
			String trimmed = location.strip();
			if (trimmed.isEmpty()) {
				throw new ConfigurationException("locations",
						"locations (from " + raw.source() + ") has an empty entry in '" + raw.value() + "'; remove it");
			}
			if (trimmed.startsWith("classpath:")) {
				resolved.add(trimmed);
			}
			else if (UNKNOWN_PREFIX.matcher(trimmed).lookingAt() && !trimmed.startsWith("filesystem:")) {
				// http://host/x would otherwise become the relative directory 'http:/host/x'.
				throw new ConfigurationException("locations", "Location '" + trimmed + "' (from " + raw.source()
						+ ") has an unknown prefix '" + trimmed.substring(0, trimmed.indexOf(':') + 1)
						+ "'; use 'filesystem:<directory>' or 'classpath:<package path>'");
			}
			else {
				String path = trimmed.startsWith("filesystem:") ? trimmed.substring("filesystem:".length()) : trimmed;
				resolved.add("filesystem:" + base.resolve(path).toAbsolutePath().normalize());
			}
		}
		return new Setting("locations", String.join(",", resolved), raw.source());
	}

	private Setting password(ConnectionOptions options, Properties file, Path configFile, String url) {
		if (options.password != null) {
			return new Setting("password", options.password, "--password");
		}
		if (options.passwordFile != null) {
			return new Setting("password", readPasswordFile(
					this.environment.workingDirectory().resolve(options.passwordFile), "--password-file"),
					"--password-file");
		}
		if (options.passwordPrompt) {
			return new Setting("password", prompt(url), "--password-prompt");
		}
		String fromEnvironment = this.environment.variables().get("MIGRATE_PASSWORD");
		if (fromEnvironment != null) {
			return new Setting("password", fromEnvironment, "MIGRATE_PASSWORD");
		}
		String fileFromEnvironment = variable("MIGRATE_PASSWORD_FILE");
		if (fileFromEnvironment != null) {
			return new Setting("password", readPasswordFile(
					this.environment.workingDirectory().resolve(fileFromEnvironment), "MIGRATE_PASSWORD_FILE"),
					"MIGRATE_PASSWORD_FILE");
		}
		if (file.getProperty(PREFIX + "password") != null) {
			return new Setting("password", file.getProperty(PREFIX + "password"),
					PREFIX + "password in " + configFile);
		}
		String passwordFile = blankToNull(file.getProperty(PREFIX + "password-file"));
		if (passwordFile != null) {
			String source = PREFIX + "password-file in " + configFile;
			return new Setting("password", readPasswordFile(configFile.getParent().resolve(passwordFile), source),
					source);
		}
		return new Setting("password", null, "not set");
	}

	private String prompt(String url) {
		String prompt = (url != null) ? "Password for " + JdbcUrls.mask(url) + ": " : "Password: ";
		char[] password = this.environment.passwordPrompt().apply(prompt);
		if (password == null) {
			throw new ConfigurationException("password",
					"--password-prompt needs a terminal, and there is none; use --password-file FILE or "
							+ "MIGRATE_PASSWORD instead");
		}
		return new String(password);
	}

	private static String readPasswordFile(Path file, String source) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			return lines.isEmpty() ? "" : lines.get(0);
		}
		catch (IOException ex) {
			throw new ConfigurationException("password", "Cannot read the password file " + file.toAbsolutePath()
					+ " (from " + source + "): " + ex.getClass().getSimpleName() + "; fix the path or its permissions");
		}
	}

	private String variable(String name) {
		return blankToNull(this.environment.variables().get(name));
	}

	private static String variableName(String setting) {
		return "MIGRATE_" + setting.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
