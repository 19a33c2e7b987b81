package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.lint.LintOptions;
import dev.migrate.core.lint.LintRule;
import dev.migrate.core.lint.Severity;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.Migrator;
import dev.migrate.core.ModelSource;
import dev.migrate.core.script.JavaMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * Builds a {@link Migrator} from engine properties, a DataSource and the application's Java migration,
 * listener and customizer beans, in that order.
 */
final class MigratorFactory {

	private final ClassLoader classLoader;

	private final List<JavaMigration> javaMigrations;

	private final List<MigrationListener> listeners;

	private final List<MigrateCustomizer> customizers;

	MigratorFactory(ClassLoader classLoader, List<JavaMigration> javaMigrations, List<MigrationListener> listeners,
			List<MigrateCustomizer> customizers) {
		this.classLoader = classLoader;
		this.javaMigrations = List.copyOf(javaMigrations);
		this.listeners = List.copyOf(listeners);
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Creates an engine.
	 * @param prefix the properties' prefix, {@code migrate} or {@code migrate.instances.<name>}, for messages
	 * @param properties the engine's properties
	 * @param dataSource the DataSource to migrate
	 * @return the engine
	 * @throws ConfigurationException naming the property (such as {@code migrate.version-table}) and the fix
	 */
	Migrator create(String prefix, MigrateEngineProperties properties, DataSource dataSource) {
		MigrateConfig.Builder builder = MigrateConfig.builder().dataSource(dataSource).classLoader(this.classLoader);
		configureProperties(builder, properties);
		builder.javaMigrations(this.javaMigrations);
		this.listeners.forEach(builder::listener);
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		try {
			return Migrator.create(builder.build());
		}
		catch (ConfigurationException ex) {
			String property = prefix + "." + toKebabCase(ex.getSetting());
			throw new ConfigurationException(property,
					"Invalid migrate configuration, property '" + property + "': " + ex.getMessage());
		}
	}

	// Plain calls rather than a PropertyMapper of method references: each reference is a class the JVM spins up
	// on first use, and this runs once per start, on a cold JVM. As a PropertyMapper does, a null value leaves
	// the builder's default.
	private static void configureProperties(MigrateConfig.Builder builder, MigrateEngineProperties properties) {
		List<String> locations = properties.getLocations();
		if (locations != null) {
			builder.locations(locations);
		}
		String schema = properties.getSchema();
		if (schema != null) {
			builder.schema(schema);
		}
		builder.createSchemas(properties.isCreateSchemas());
		String versionTable = properties.getVersionTable();
		if (versionTable != null) {
			builder.versionTable(versionTable);
		}
		String historyTable = properties.getHistoryTable();
		if (historyTable != null) {
			builder.historyTable(historyTable);
		}
		builder.transactionPerMigration(properties.isTransactionPerMigration());
		builder.validateOnMigrate(properties.isValidateOnMigrate());
		Duration lockTimeout = properties.getLockTimeout();
		if (lockTimeout != null) {
			builder.lockTimeout(lockTimeout);
		}
		Duration ddlLockTimeout = properties.getDdlLockTimeout();
		if (ddlLockTimeout != null) {
			builder.ddlLockTimeout(ddlLockTimeout);
		}
		builder.ddlLockRetries(properties.getDdlLockRetries());
		builder.connectRetries(properties.getConnectRetries());
		Duration connectRetriesInterval = properties.getConnectRetriesInterval();
		if (connectRetriesInterval != null) {
			builder.connectRetriesInterval(connectRetriesInterval);
		}
		Duration connectTimeout = properties.getConnectTimeout();
		if (connectTimeout != null) {
			builder.connectTimeout(connectTimeout);
		}
		builder.failOnMissingLocations(properties.isFailOnMissingLocations());
		String dialect = properties.getDialect();
		if (dialect != null) {
			builder.dialect(dialect);
		}
		Map<String, String> placeholders = properties.getPlaceholders();
		if (placeholders != null) {
			builder.placeholders(placeholders);
		}
		builder.placeholderReplacement(properties.isPlaceholderReplacement());
		List<String> initSqls = properties.getInitSqls();
		if (initSqls != null) {
			builder.initSqls(initSqls);
		}
		builder.baselineOnMigrate(properties.isBaselineOnMigrate());
		String baselineRevision = properties.getBaselineRevision();
		if (baselineRevision != null) {
			builder.baselineRevision(baselineRevision);
		}
	}

	/**
	 * Reads the model an engine is checked against.
	 * @param prefix the properties' prefix, for messages
	 * @param properties the engine's properties
	 * @return the model, or {@code null} when {@code model} is not set
	 * @throws ConfigurationException naming {@code <prefix>.model} when the resource cannot be read
	 */
	@Nullable ModelSource model(String prefix, MigrateEngineProperties properties) {
		String location = properties.getModel();
		if (!StringUtils.hasText(location)) {
			return null;
		}
		Resource resource = new DefaultResourceLoader(this.classLoader).getResource(location);
		String ddl;
		try (InputStream input = resource.getInputStream()) {
			ddl = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfigurationException(prefix + ".model", "Property '" + prefix + ".model' names '" + location
					+ "', which cannot be read (" + ex.getMessage() + "); point it at the schema DDL, such as"
					+ " classpath:schema.sql");
		}
		return ModelSource.ofText(location, ddl).withDevDatabase(properties.getDevUrl(), null, null);
	}

	/**
	 * The startup lint's options from an engine's {@code lint.*} properties.
	 * @param prefix the properties' prefix, for messages
	 * @param properties the engine's properties
	 * @return the options
	 * @throws ConfigurationException naming {@code <prefix>.lint.severity.<code>} for a code no rule has
	 */
	static LintOptions lintOptions(String prefix, MigrateEngineProperties properties) {
		LintOptions options = LintOptions.defaults().withDowngrades(properties.getLint().isDowngrades());
		for (Map.Entry<String, Severity> entry : properties.getLint().getSeverity().entrySet()) {
			LintRule rule = LintRule.forCode(entry.getKey());
			if (rule == null) {
				String property = prefix + ".lint.severity." + entry.getKey();
				throw new ConfigurationException(property, "Property '" + property + "' names no lint rule; use a"
						+ " rule's code, such as PG01 or ALL01 (docs/safe-migrations.md lists them)");
			}
			options = options.withSeverity(rule, entry.getValue());
		}
		return options;
	}

	static String toKebabCase(String camelCase) {
		StringBuilder kebab = new StringBuilder(camelCase.length() + 4);
		for (char c : camelCase.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

}
