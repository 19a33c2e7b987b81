package dev.migrate.maven;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.ModelSource;
import dev.migrate.core.Migrator;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.ProgressLine;
import dev.migrate.core.report.Redactor;
import dev.migrate.core.report.RevisionFormat;
import dev.migrate.core.report.Summary;

/**
 * Base of every {@code migrate:} goal: the connection and location parameters, their resolution (parameters, then
 * {@code settings.xml} servers, then the project's Spring Boot {@code application.properties}/{@code .yml}), the
 * project's runtime classpath for the JDBC driver, and failures turned into build failures that carry the command's
 * message. A goal implements {@link #run()} and reads the database through {@link #migrator(boolean)}.
 */
public abstract class AbstractMigrateMojo extends AbstractMojo {

	private static final String ENGINE_LOG_LEVEL = "org.slf4j.simpleLogger.log.dev.migrate.core";

	private static final String MARIADB_ERROR_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.mariadb.jdbc.message.server.ErrorPacket";

	private static final String PLACEHOLDER_PROPERTY = "migrate.placeholders.";

	/** The JDBC URL; without one, {@code spring.datasource.url} from the project's application properties. */
	@Parameter(property = "migrate.url")
	String url;

	/** The database user; without one, the server's, or {@code spring.datasource.username}. */
	@Parameter(property = "migrate.user")
	String user;


	// No password parameter: Maven's -X prints every parameter's value. The password is read from the user property
	// migrate.password (ConfigurationResolver), a settings.xml server, or spring.datasource.password.

	/** The id of a {@code <server>} in {@code settings.xml} whose username and password to use. */
	@Parameter(property = "migrate.serverId")
	String serverId;

	/**
	 * Where the revision scripts are, comma separated: {@code classpath:} or {@code filesystem:} locations, or paths
	 * relative to the project. New revisions are written into the first filesystem location.
	 */
	@Parameter(property = "migrate.locations", defaultValue = "src/main/resources/db/migrations")
	String locations;

	/** The Spring profile whose {@code application-<profile>.properties} or {@code .yml} overrides the defaults. */
	@Parameter(property = "migrate.profile")
	String profile;

	/** The dialect of offline SQL when the URL does not imply one: postgresql, mysql, mariadb, sqlite... */
	@Parameter(property = "migrate.dialect")
	String dialect;

	/** Skip the goal. */
	@Parameter(property = "migrate.skip", defaultValue = "false")
	boolean skip;

	/**
	 * Values of {@code ${name}} in the scripts, in the plugin's configuration; {@code -Dmigrate.placeholders.NAME=VALUE}
	 * adds one or wins over it (pass secrets that way: {@code mvn -X} prints every parameter's value).
	 */
	@Parameter
	Map<String, String> placeholders;

	/** Whether {@code ${name}} in scripts is replaced at all; {@code false} runs scripts as written. */
	@Parameter(property = "migrate.placeholderReplacement", defaultValue = "true")
	boolean placeholderReplacement = true;

	/** Statements run on every connection before anything else, such as {@code SET ROLE app_owner}. */
	@Parameter
	List<String> initSqls;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	MavenProject project;

	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	MavenSession session;

	@Component
	SettingsDecrypter settingsDecrypter;

	private ResolvedConfiguration configuration;

	private ClassLoader classLoader;

	private Migrator migrator;

	private Map<String, RevisionInfo> revisions;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping migrate (migrate.skip is true)");
			return;
		}
		quietEngineLog();
		Redactor redactor = Redactor.none();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		// Connections find the project's drivers through this loader (ConnectionFactory asks the configured
		// class loader, else the thread's, before DriverManager).
		try (URLClassLoader projectLoader = ProjectClassLoader.of(this.project, getClass().getClassLoader())) {
			this.classLoader = projectLoader;
			thread.setContextClassLoader(projectLoader);
			this.configuration = new ConfigurationResolver(this.project.getBasedir().toPath(), this.session.getSettings(),
					this.settingsDecrypter, System::getenv)
				.resolve(this);
			redactor = this.configuration.redactor();
			if (getLog().isDebugEnabled()) {
				this.configuration.describe().forEach((line) -> getLog().debug(line));
			}
			run();
		}
		catch (MigrateException ex) {
			String message = redactor.redact(MavenAdvice.reword(ex.getMessage()));
			throw new MojoFailureException(message, RedactedCause.of(ex, message, redactor));
		}
		catch (IOException | RuntimeException ex) {
			String message = redactor.redact(ex.toString());
			throw new MojoExecutionException(message, RedactedCause.of(ex, message, redactor));
		}
		finally {
			thread.setContextClassLoader(previous);
			this.migrator = null;
			this.revisions = null;
		}
	}

	// The goals print the command line's lines themselves; the engine's own INFO log would say each step twice. Maven's
	// logger reads a level per logger name from system properties when the logger is created, so this holds for the
	// engine's classes unless the user chose a level, and -X keeps the engine's debug log. MariaDB Connector/J logs
	// every server error at WARN with the server's message, which echoes the failing statement's literals (an init
	// SQL's value) before migrate masks them; the failure carries the same message, masked.
	private void quietEngineLog() {
		if (System.getProperty(ENGINE_LOG_LEVEL) == null && !getLog().isDebugEnabled()) {
			System.setProperty(ENGINE_LOG_LEVEL, "warn");
		}
		if (System.getProperty(MARIADB_ERROR_LOG_LEVEL) == null) {
			System.setProperty(MARIADB_ERROR_LOG_LEVEL, "error");
		}
	}

	/**
	 * Runs the goal.
	 * @throws MojoFailureException when the goal finds a problem the build should fail on (a
	 * {@link MigrateException} thrown from here fails the build with its message too)
	 * @throws IOException when a file cannot be written
	 */
	protected abstract void run() throws MojoFailureException, IOException;

	/**
	 * @param withDatabase whether the goal connects (a URL is then required)
	 * @param listeners listeners to register
	 * @return the migrator (the first one built, on later calls)
	 */
	protected final Migrator migrator(boolean withDatabase, MigrationListener... listeners) {
		if (this.migrator == null) {
			MigrateConfig.Builder builder = MigrateConfig.builder()
				.locations(this.configuration.locations())
				.failOnMissingLocations(true)
				.classLoader(this.classLoader);
			if (withDatabase) {
				builder.url(this.configuration.requireUrl());
			}
			else if (this.configuration.url().isSet()) {
				builder.url(this.configuration.url().value());
			}
			if (this.configuration.url().isSet()) {
				builder.user(this.configuration.user().value()).password(this.configuration.password().value());
			}
			if (this.dialect != null) {
				builder.dialect(this.dialect);
			}
			builder.placeholders(placeholders()).placeholderReplacement(this.placeholderReplacement);
			if (this.initSqls != null) {
				builder.initSqls(this.initSqls);
			}
			configure(builder);
			List.of(listeners).forEach(builder::listener);
			this.migrator = Migrator.create(builder.build());
		}
		return this.migrator;
	}

	/**
	 * Adds a goal's own settings (an upgrade's baseline) to the migrator's configuration.
	 * @param builder the configuration being built
	 */
	protected void configure(MigrateConfig.Builder builder) {
	}

	// The configuration's placeholders, then -Dmigrate.placeholders.NAME, which wins per name.
	private Map<String, String> placeholders() {
		Map<String, String> values = new TreeMap<>();
		if (this.placeholders != null) {
			values.putAll(this.placeholders);
		}
		Properties user = this.session.getUserProperties();
		for (String key : user.stringPropertyNames()) {
			if (key.startsWith(PLACEHOLDER_PROPERTY) && key.length() > PLACEHOLDER_PROPERTY.length()) {
				values.put(key.substring(PLACEHOLDER_PROPERTY.length()), user.getProperty(key));
			}
		}
		return values;
	}

	/**
	 * Runs a migration command against the database, logging a line per revision as it goes and a summary after.
	 * @param command what to run, such as {@code (migrator) -> migrator.upgrade(target)}
	 */
	protected final void migrate(Function<Migrator, MigrationResult> command) {
		MigrationResult result = command.apply(migrator(true, ProgressLine.printer(this::print, this::revisions)));
		print(Summary.of(result, revisions()));
	}

	/**
	 * @param property the user property, such as {@code migrate.target}
	 * @param value its value, or {@code null}
	 * @param examples what to pass, for the message
	 * @return the value
	 * @throws ConfigurationException when it is missing, naming the property
	 */
	protected final String require(String property, String value, String examples) {
		if (value == null || value.isBlank()) {
			throw new ConfigurationException(property, "This goal needs " + property + ": pass -D" + property + "=... ("
					+ examples + ") or set it in the plugin's configuration");
		}
		return value.trim();
	}

	/**
	 * @return every revision by id, newest first (read once, after {@link #migrator(boolean)})
	 */
	protected final Map<String, RevisionInfo> revisions() {
		if (this.revisions == null) {
			this.revisions = RevisionFormat.byId(this.migrator.history(null));
		}
		return this.revisions;
	}

	/**
	 * @return the class loader of the project's classes and dependencies (its scripts and drivers)
	 */
	final ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * @param model the goal's model parameters
	 * @param renames rename hints
	 * @return what the goal compares the database with, read from the project's compiled classes
	 */
	final ModelSource modelSource(ModelParameters model, List<String> renames) {
		return model.source(this.project.getBasedir().toPath(), Path.of(this.project.getBuild().getOutputDirectory()),
				this.classLoader, renames);
	}

	/**
	 * @param property a user property, such as {@code migrate.devPassword}
	 * @return its value ({@code -D...}), or {@code null}: secrets are never goal parameters, since {@code mvn -X}
	 * prints every parameter's value
	 */
	final String userProperty(String property) {
		return this.session.getUserProperties().getProperty(property);
	}

	/**
	 * @return the resolved configuration
	 */
	final ResolvedConfiguration configuration() {
		return this.configuration;
	}

	/**
	 * @return the directory new revisions go to (the first filesystem location), created if missing
	 * @throws IOException when it cannot be created
	 */
	protected final Path versionDirectory() throws IOException {
		for (String location : this.configuration.locations()) {
			if (location.startsWith(ConfigurationResolver.FILESYSTEM)) {
				return Files.createDirectories(Path.of(location.substring(ConfigurationResolver.FILESYSTEM.length())));
			}
		}
		throw new ConfigurationException("migrate.locations", "No filesystem location to write revisions into "
				+ "(locations: " + String.join(",", this.configuration.locations())
				+ "); add a directory to migrate.locations");
	}

	/**
	 * Prints that a file was written, as Alembic does: {@code Generating <path> ...  done}.
	 * @param file the file
	 */
	protected final void printGenerated(Path file) {
		print("Generating " + file.toAbsolutePath() + " ...  done");
	}

	/**
	 * Prints a line of the command's output (at INFO).
	 * @param line the line
	 */
	protected final void print(String line) {
		getLog().info(line);
	}

	/**
	 * @param lines lines of the command's output
	 */
	protected final void print(List<String> lines) {
		lines.forEach(this::print);
	}

	/**
	 * @param problems what the goal found, one line each
	 * @return a failure whose message lists them, each as {@code FAILED: <problem>} (as the command line prints them)
	 */
	protected final MojoFailureException failure(List<String> problems) {
		List<String> lines = new ArrayList<>();
		problems.forEach((problem) -> lines.add("FAILED: " + MavenAdvice.reword(problem)));
		return new MojoFailureException(this.configuration.redactor().redact(String.join(System.lineSeparator(), lines)));
	}

}
