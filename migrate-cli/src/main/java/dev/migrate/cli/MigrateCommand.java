package dev.migrate.cli;

import dev.migrate.core.report.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code migrate} command: Alembic's commands ({@code init}, {@code revision}, {@code upgrade},
 * {@code downgrade}, {@code current}, {@code history}...) for Java users. {@link #execute(String...)} returns
 * the exit code; only {@link #main(String[])} exits the JVM.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = MigrateCommand.Version.class,
		abbreviateSynopsis = true,
		description = "Alembic-grade database migrations: a revision graph with branches and merges, real "
				+ "downgrades and offline SQL.",
		subcommands = { HelpCommand.class, InitCommand.class, RevisionCommand.class, MergeCommand.class,
				UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class, HistoryCommand.class,
				HeadsCommand.class, BranchesCommand.class, ShowCommand.class, StampCommand.class, RepairCommand.class,
				CheckCommand.class, ValidateCommand.class, LintCommand.class, TestCommand.class, ConfigCommand.class,
				IndexCommand.class },
		footerHeading = "%nConfiguration:%n",
		footer = { "  Flags win over MIGRATE_* environment variables, which win over",
				"  migrate.properties in the working directory (or --config FILE).",
				"  Run 'migrate init' to create one; 'migrate config' shows the result.", "",
				"Exit codes:", "  0  success", "  1  a migration failed, check/validate found a problem, or lint an error",
				"  2  bad usage or configuration: unknown command or option, no URL,",
				"     unreachable database, bad password" })
public final class MigrateCommand implements Runnable {

	@Option(names = "--debug", scope = ScopeType.INHERIT,
			description = "Print stack traces of failures and debug logging.")
	boolean debug;

	@Mixin
	ConnectionOptions connection;

	@Spec
	private CommandSpec spec;

	private final CliEnvironment environment;

	private Redactor redactor = Redactor.none();

	MigrateCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	/**
	 * Runs the command and exits the JVM with its exit code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		// Hibernate (for a jpa: model on --classpath) logs through JBoss Logging, which would pick
		// java.util.logging and print its start-up INFO lines; through SLF4J it follows this command's log levels
		if (System.getProperty("org.jboss.logging.provider") == null) {
			System.setProperty("org.jboss.logging.provider", "slf4j");
		}
		System.exit(execute(args));
	}

	/**
	 * Runs the command in this JVM, with this process's environment and working directory.
	 * @param args the command line
	 * @return the exit code: 0 success, 1 a migration or check failed, 2 bad usage or configuration
	 */
	public static int execute(String... args) {
		for (String arg : args) {
			if ("--debug".equals(arg)) {
				System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
			}
		}
		return commandLine(CliEnvironment.system()).execute(args);
	}

	/**
	 * @param environment the environment to read
	 * @return the configured command line, for {@code execute} and tests
	 */
	static CommandLine commandLine(CliEnvironment environment) {
		CommandLine commandLine = new CommandLine(new MigrateCommand(environment));
		commandLine.setExecutionExceptionHandler(new FailureHandler());
		commandLine.setParameterExceptionHandler(new UsageErrorHandler());
		commandLine.setExitCodeExceptionMapper(new ExitCodes());
		return commandLine;
	}

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "Missing command; for example 'migrate upgrade heads'");
	}

	/**
	 * @return the connection options given before the command name
	 */
	ConnectionOptions connection() {
		return this.connection;
	}

	CliEnvironment environment() {
		return this.environment;
	}

	Redactor redactor() {
		return this.redactor;
	}

	void redactor(Redactor redactor) {
		this.redactor = redactor;
	}

	/**
	 * The version from the jar's manifest.
	 */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = MigrateCommand.class.getPackage().getImplementationVersion();
			return new String[] { "migrate " + ((version != null) ? version : "(development build)") };
		}

	}

}
