package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing, usage errors and exit codes, in process.
 */
class MigrateCommandTests {

	@TempDir
	Path directory;

	private CliRunner cli;

	@BeforeEach
	void createRunner() throws IOException {
		Files.createDirectories(this.directory.resolve("migrations"));
		this.cli = new CliRunner(this.directory);
	}

	@Test
	void helpListsEveryCommandAndTheExitCodes() {
		CliRunner.Result result = this.cli.run("--help");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("init", "revision", "merge", "upgrade", "downgrade", "current", "history",
				"heads", "branches", "show", "stamp", "check", "validate", "config", "Exit codes:",
				"2  bad usage or configuration");
	}

	@Test
	void helpWithoutACommandListsEveryCommandAsHelpOptionDoes() {
		CliRunner.Result help = this.cli.run("help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).isEqualTo(this.cli.run("--help").out());
	}

	@Test
	void aRunBuildsTheCommandsItsArgumentsNameOnly() {
		CliEnvironment environment = CliEnvironment.system();
		assertThat(MigrateCommand.commandLine(environment, new String[] { "--url", "jdbc:h2:mem:x", "upgrade", "heads" })
			.getSubcommands()).containsOnlyKeys("upgrade", "heads");
		assertThat(MigrateCommand.commandLine(environment, new String[] { "history" }).getSubcommands())
			.containsOnlyKeys("history");
		assertThat(MigrateCommand.commandLine(environment, new String[] { "--url=jdbc:h2:mem:x", "--debug", "show",
				"heads" }).getSubcommands()).containsOnlyKeys("show", "heads");
		Set<String> all = MigrateCommand.commandLine(environment).getSubcommands().keySet();
		assertThat(all).hasSize(19);
		for (String[] args : List.of(new String[0], new String[] { "help" }, new String[] { "help", "upgrade" },
				new String[] { "--help" }, new String[] { "upgrad", "head" }, new String[] { "upgrad", "heads" },
				new String[] { "--url", "heads", "--", "upgrade" })) {
			assertThat(MigrateCommand.commandLine(environment, args).getSubcommands().keySet()).as(String.join(" ", args))
				.containsExactlyElementsOf(all);
		}
	}

	@Test
	void aRunParsesAsWithEveryCommand() {
		CliEnvironment environment = CliEnvironment.system();
		for (String[] args : List.of(new String[] { "--url", "jdbc:h2:mem:x", "upgrade", "heads" },
				new String[] { "revision", "-m", "history", "--head", "heads" },
				new String[] { "show", "heads" }, new String[] { "history", "-r", "base:heads", "--verbose" },
				new String[] { "downgrade", "--sql", "heads:base", "--placeholder", "a=1", "--placeholder", "b=2" })) {
			assertThat(parsed(MigrateCommand.commandLine(environment, args), args)).as(String.join(" ", args))
				.isEqualTo(parsed(MigrateCommand.commandLine(environment), args));
		}
	}

	// Each command of the parse with the options and parameters it matched.
	private static List<String> parsed(CommandLine commandLine, String[] args) {
		List<String> parsed = new ArrayList<>();
		for (ParseResult result = commandLine.parseArgs(args); result != null; result = result.subcommand()) {
			parsed.add(result.commandSpec().qualifiedName());
			result.matchedOptions().forEach((option) -> parsed.add(option.longestName() + "=" + option.getValue()));
			result.matchedPositionals().forEach((positional) -> parsed.add("" + positional.getValue()));
		}
		return parsed;
	}

	@Test
	void subcommandHelpShowsTheConnectionOptions() {
		CliRunner.Result result = this.cli.run("help", "upgrade");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("Usage: migrate upgrade", "--url=JDBC_URL", "--password-file=FILE",
				"--sql", "--debug");
	}

	@Test
	void unknownCommandSuggestsTheClosestOnesWithUsageExitCode() {
		CliRunner.Result result = this.cli.run("upgrad", "head");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: Unknown command 'upgrad'", "Did you mean: migrate upgrade",
				"Run 'migrate --help' for usage.");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void aMistypedCommandOrOptionFailsAsWithEveryCommand() {
		for (String[] args : List.of(new String[] { "upgrad", "heads" }, new String[] { "histroy" },
				new String[] { "upgrade", "--sqll" }, new String[] { "--url", "jdbc:h2:mem:x", "hist" })) {
			CommandLine every = MigrateCommand.commandLine(new CliEnvironment(Map.of(), this.directory, (text) -> null));
			StringWriter err = new StringWriter();
			every.setOut(new PrintWriter(new StringWriter()));
			every.setErr(new PrintWriter(err, true));
			int exitCode = every.execute(args);
			CliRunner.Result result = this.cli.run(args);
			assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(exitCode).isEqualTo(ExitCodes.USAGE);
			assertThat(result.err()).as(String.join(" ", args)).isEqualTo(err.toString()).startsWith("FAILED: ");
		}
	}

	@Test
	void unknownOptionNamesTheSubcommandHelp() {
		CliRunner.Result result = this.cli.run("upgrade", "--sqll");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("Unknown option: '--sqll'", "Run 'migrate upgrade --help' for usage.");
	}

	@Test
	void missingCommandIsAUsageError() {
		CliRunner.Result result = this.cli.run();
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: Missing command; for example 'migrate upgrade heads'");
	}

	@Test
	void revisionWithoutMessageIsAUsageError() {
		CliRunner.Result result = this.cli.run("revision");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("Missing required option: '--message=MESSAGE'");
	}

	@Test
	void upgradeWithoutUrlNamesEveryPlaceToSetOne() {
		CliRunner.Result result = this.cli.run("upgrade", "head");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err().strip()).isEqualTo("FAILED: No database URL: pass --url, set MIGRATE_URL, or set "
				+ "migrate.url in migrate.properties (run 'migrate init' to create it)");
	}

	@Test
	void missingScriptLocationNamesWhereItWasConfigured() {
		CliRunner.Result result = this.cli.env("MIGRATE_LOCATIONS", "db/scripts").run("heads");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: Script location filesystem:"
				+ this.directory.resolve("db/scripts").toAbsolutePath() + " (from MIGRATE_LOCATIONS) does not exist");
	}

	@Test
	void historyRangeWithoutColonIsAUsageError() {
		CliRunner.Result result = this.cli.run("history", "-r", "head");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("History range requires [start]:[end], [start]:, or :[end]; got 'head'");
	}

	@Test
	void offlineDowngradeNeedsARange() {
		CliRunner.Result result = this.cli.run("downgrade", "-1", "--sql", "--dialect", "postgresql");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("downgrade --sql needs a range <from>:<to>");
	}

	@Test
	void offlineUpgradeNeedsADialectOrUrl() {
		CliRunner.Result result = this.cli.run("upgrade", "head", "--sql");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: --sql needs a dialect: pass --dialect (postgresql, mysql, "
				+ "mariadb, sqlite, sqlserver, h2)");
	}

	@Test
	void debugPrintsTheStackTraceWhereverItIsGiven() {
		CliRunner.Result after = this.cli.run("upgrade", "head", "--debug");
		CliRunner.Result before = this.cli.run("--debug", "upgrade", "head");
		assertThat(after.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(after.err()).contains("FAILED: No database URL", "at dev.migrate.cli.Settings.requireUrl");
		assertThat(before.err()).contains("at dev.migrate.cli.Settings.requireUrl");
	}

	@Test
	void failuresShowNoStackTraceWithoutDebug() {
		CliRunner.Result result = this.cli.run("upgrade", "head");
		assertThat(result.err()).doesNotContain("\tat ").hasLineCount(1);
	}

	@Test
	void passwordPromptWithoutATerminalSaysWhatToUseInstead() {
		CliRunner.Result result = this.cli.run("config", "--url", "jdbc:sqlite:x.db", "--password-prompt");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: --password-prompt needs a terminal, and there is none; use "
				+ "--password-file FILE or MIGRATE_PASSWORD instead");
	}

	@Test
	void passwordPromptReadsFromTheTerminalAndNeverEchoes() {
		StringBuilder prompts = new StringBuilder();
		CliRunner.Result result = this.cli.prompt((text) -> {
			prompts.append(text);
			return "s3cret!".toCharArray();
		}).run("config", "--url", "jdbc:postgresql://db/app?password=old-pw", "-P");
		assertThat(result.exitCode()).isZero();
		assertThat(prompts).hasToString("Password for jdbc:postgresql://db/app?password=***: ");
		assertThat(result.out()).contains("password         ***  (--password-prompt)").doesNotContain("s3cret!", "old-pw");
	}

	@Test
	void versionComesFromTheManifest() {
		CliRunner.Result result = this.cli.run("--version");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("migrate ");
	}

}
