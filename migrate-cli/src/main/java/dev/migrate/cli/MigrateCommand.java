package dev.migrate.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.report.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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
		footerHeading = "%nConfiguration:%n",
		footer = { "  Flags win over MIGRATE_* environment variables, which win over",
				"  migrate.properties in the working directory (or --config FILE).",
				"  Run 'migrate init' to create one; 'migrate config' shows the result.", "",
				"Exit codes:", "  0  success", "  1  a migration failed, check/validate found a problem, or lint an error",
				"  2  bad usage or configuration: unknown command or option, no URL,",
				"     unreachable database, bad password" })
public final class MigrateCommand implements Runnable {

	/**
	 * The subcommands, in the order the usage lists them. They are registered by {@link #commandLine}, not by the
	 * annotation, so that a run builds picocli's model of the commands it names only: the model of all of them
	 * (every option, mixin and converter, found by reflection) is most of a short command's own time.
	 */
	private static final List<Class<?>> SUBCOMMANDS = List.of(HelpCommand.class, InitCommand.class,
			RevisionCommand.class, MergeCommand.class, UpgradeCommand.class, DowngradeCommand.class,
			CurrentCommand.class, HistoryCommand.class, HeadsCommand.class, BranchesCommand.class, ShowCommand.class,
			StampCommand.class, RepairCommand.class, CheckCommand.class, ValidateCommand.class, LintCommand.class,
			TestCommand.class, ConfigCommand.class, IndexCommand.class);

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
		return commandLine(CliEnvironment.system(), args).execute(args);
	}

	/**
	 * @param environment the environment to read
	 * @return the configured command line with every subcommand, for tests
	 */
	static CommandLine commandLine(CliEnvironment environment) {
		return commandLine(environment, null);
	}

	/**
	 * The command line for these arguments. When the command they run is one of the subcommands, it has the
	 * subcommands they name (every argument equal to a command's name, wherever it stands, so the parse is the
	 * same as with all of them); otherwise, as for {@code help} (whose usage lists them all), {@code --help}, a typo
	 * (whose suggestions come from them all) or no command, it has every subcommand.
	 * @param environment the environment to read
	 * @param args the arguments it will run, or {@code null} for every subcommand
	 * @return the configured command line
	 */
	static CommandLine commandLine(CliEnvironment environment, String[] args) {
		CommandLine commandLine = new CommandLine(new MigrateCommand(environment));
		Map<String, Class<?>> named = new LinkedHashMap<>();
		for (Class<?> subcommand : SUBCOMMANDS) {
			named.put(subcommand.getAnnotation(Command.class).name(), subcommand);
		}
		List<String> given = (args != null) ? Arrays.asList(args) : List.of();
		String command = commandName(commandLine.getCommandSpec(), given);
		boolean all = command == null || !named.containsKey(command) || given.contains("help");
		named.forEach((name, subcommand) -> {
			if (all || given.contains(name)) {
				commandLine.addSubcommand(name, subcommand);
			}
		});
		commandLine.setExecutionExceptionHandler(new FailureHandler());
		commandLine.setParameterExceptionHandler(new UsageErrorHandler());
		commandLine.setExitCodeExceptionMapper(new ExitCodes());
		return commandLine;
	}

	// The first argument that is neither an option of the root command nor an option's value: the command picocli
	// will run, or a typo; null when there is none or it cannot tell (an end of options, '--').
	private static String commandName(CommandSpec root, List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--")) {
				return null;
			}
			if (!arg.startsWith("-")) {
				return arg;
			}
			int equals = arg.indexOf('=');
			OptionSpec option = root.findOption((equals < 0) ? arg : arg.substring(0, equals));
			if (option != null && equals < 0 && option.arity().max() > 0) {
				i++;
			}
		}
		return null;
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
