package dev.migrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.migrate.core.ConfigurationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migrate init [DIR]}: creates the script directory and a commented {@code migrate.properties} (the
 * {@code alembic.ini} of migrate) that points at it.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = "Create a scripts directory and a migrate.properties that points at it.")
final class InitCommand implements Callable<Integer> {

	@ParentCommand
	MigrateCommand root;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "migrations",
			description = "The scripts directory to create (default: ${DEFAULT-VALUE}).")
	Path directory;

	@Option(names = { "-c", "--config" }, paramLabel = "FILE",
			description = "The configuration file to write (default: " + SettingsResolver.DEFAULT_CONFIG_FILE + ").")
	Path config;

	@Option(names = "--url", paramLabel = "JDBC_URL", description = "A JDBC URL to write into the configuration.")
	String url;

	@Override
	public Integer call() {
		Path workingDirectory = this.root.environment().workingDirectory();
		Path scripts = workingDirectory.resolve(this.directory).toAbsolutePath().normalize();
		// --url and --config may also stand before the command name, as for every other command.
		ConnectionOptions before = this.root.connection();
		refuseOptionsInitDoesNotTake(before);
		String url = (this.url != null) ? this.url : before.url;
		Path config = (this.config != null) ? this.config
				: (before.config != null) ? before.config : Path.of(SettingsResolver.DEFAULT_CONFIG_FILE);
		Path file = workingDirectory.resolve(config).toAbsolutePath().normalize();
		if (Files.exists(file)) {
			throw new ConfigurationException("config", "Configuration file " + file
					+ " already exists; edit it, or pass --config with another name");
		}
		if (Files.exists(scripts) && !isEmptyDirectory(scripts)) {
			throw new ConfigurationException("locations", "Directory " + scripts
					+ " already exists and is not empty; choose another DIR");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		try {
			out.print("Creating directory " + scripts + " ...");
			Files.createDirectories(scripts);
			out.println("  done");
			out.print("Generating " + file + " ...");
			Files.createDirectories(file.getParent());
			Files.writeString(file, properties(location(file.getParent(), scripts), url), StandardCharsets.UTF_8);
			out.println("  done");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		out.println("Please edit the connection settings in " + file + " before proceeding.");
		out.flush();
		return ExitCodes.OK;
	}

	private static boolean isEmptyDirectory(Path path) {
		if (!Files.isDirectory(path)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(path)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Relative to the configuration file when below it, so the project can move.
	private static String location(Path configDirectory, Path scripts) {
		Path shown = scripts.startsWith(configDirectory) ? configDirectory.relativize(scripts) : scripts;
		return "filesystem:" + shown.toString().replace('\\', '/');
	}

	private static String properties(String location, String url) {
		return """
				# migrate configuration: the alembic.ini of migrate.
				# Command-line flags win over MIGRATE_* environment variables, which win over this file.

				# JDBC URL of the database to migrate, for example
				#   jdbc:postgresql://localhost:5432/app
				#   jdbc:mariadb://localhost:3306/app
				#   jdbc:sqlite:app.db
				migrate.url=%s
				#migrate.user=
				# Prefer MIGRATE_PASSWORD, --password-file or --password-prompt over a password in this file.
				#migrate.password-file=

				# Where the revision scripts live: comma-separated filesystem: (relative to this file) or
				# classpath: locations.
				migrate.locations=%s

				#migrate.version-table=migrate_version
				#migrate.history-table=migrate_history
				#migrate.schema=
				# Dialect for offline SQL (--sql) when there is no URL: postgresql, mysql, mariadb, sqlite,
				# sqlserver or h2.
				#migrate.dialect=
				# Wait for a database that is still starting: attempts after the first, and seconds per attempt.
				#migrate.connect-retries=0
				#migrate.connect-timeout=30

				# Values of ${name} in the scripts, one line each; false runs the scripts as written.
				#migrate.placeholders.owner=app_owner
				#migrate.placeholder-replacement=true
				# Statements run on every connection before anything else; [0], [1]... for several.
				#migrate.init-sqls[0]=SET ROLE app_owner
				""".formatted((url != null) ? url : "", location);
	}

	private void refuseOptionsInitDoesNotTake(ConnectionOptions before) {
		List<String> ignored = new ArrayList<>();
		for (OptionSpec option : this.spec.commandLine().getParent().getCommandSpec().mixins().get("connection").options()) {
			boolean given = option.getValue() != null && !Boolean.FALSE.equals(option.getValue());
			if (given && !option.longestName().equals("--url") && !option.longestName().equals("--config")) {
				ignored.add(option.longestName());
			}
		}
		if (!ignored.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(), "init takes only --url and --config, not "
					+ String.join(", ", ignored) + "; set that in the migrate.properties it writes, or pass it to the "
					+ "commands that follow");
		}
	}

}
