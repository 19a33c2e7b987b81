package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option that is not specific to one command (connection, locations, tables, configuration file) works
 * before the command name exactly as after it, for every command that reads scripts or the database.
 */
class GlobalOptionsTests {

	/** What each command needs besides the option under test to parse. */
	private static final Map<String, List<String>> REQUIRED = Map.of("show", List.of("abc"), "stamp",
			List.of("heads"), "downgrade", List.of("base"), "merge", List.of("-m", "join", "heads"), "revision",
			List.of("-m", "new"));

	/** What each command takes besides the global options to run for real on the project. */
	private static final Map<String, List<String>> EXECUTED = Map.of("test", List.of("--allow-non-empty"), "show",
			List.of(), "init", List.of("fresh"));

	@TempDir
	static Path directory;

	@ParameterizedTest(name = "migrate {1} {0}")
	@MethodSource("commandsAndOptions")
	void optionBeforeTheCommandResolvesAsAfterIt(String command, List<String> option) {
		List<String> before = new ArrayList<>(option);
		before.add(command);
		before.addAll(REQUIRED.getOrDefault(command, List.of()));
		List<String> after = new ArrayList<>(List.of(command));
		after.addAll(REQUIRED.getOrDefault(command, List.of()));
		after.addAll(option);

		List<Setting> resolvedBefore = settings(before);
		List<Setting> resolvedAfter = settings(after);

		assertThat(resolvedBefore).isEqualTo(resolvedAfter);
		// The option took effect: some setting names it (or the file it names) as its source.
		String source = option.get(0).equals("--config") ? "other.properties" : option.get(0);
		if (option.get(0).equals("--no-placeholders")) {
			assertThat(resolvedBefore).contains(new Setting("placeholders", "off", "--no-placeholders"));
		}
		assertThat(resolvedBefore).as("settings of %s", before)
			.anySatisfy((setting) -> assertThat(setting.source()).contains(source));
	}

	/**
	 * Every subcommand, run for real on two copies of one project: once with the global options before the command
	 * name, once after it. Output, errors and exit code match (paths, random ids and timings aside), and the
	 * options took effect (the tables named, the placeholder replaced, the init SQL run).
	 */
	@ParameterizedTest(name = "migrate {0}")
	@MethodSource("subcommands")
	void everySubcommandRunsAlikeWithTheGlobalOptionsBeforeOrAfterIt(String command) throws IOException {
		Path before = project("before-" + command);
		Path after = project("after-" + command);

		CliRunner.Result resultBefore = run(before, command, true);
		CliRunner.Result resultAfter = run(after, command, false);

		assertThat(resultBefore.exitCode()).as(resultBefore.err()).isEqualTo(resultAfter.exitCode());
		assertThat(normalize(resultBefore.out(), before)).isEqualTo(normalize(resultAfter.out(), after));
		assertThat(normalize(resultBefore.err(), before)).isEqualTo(normalize(resultAfter.err(), after));
		assertThat(resultBefore.err()).doesNotContain("Unknown option").doesNotContain("Run 'migrate --help'");
		if (!command.equals("init")) {
			// The options took effect alike: the tables they name hold the same revision in both projects.
			String current = new CliRunner(before).run(global(before, "current")).out();
			assertThat(current).isEqualTo(new CliRunner(after).run(global(after, "current")).out());
			if (!command.equals("downgrade")) {
				assertThat(current).isNotEmpty();
			}
		}
	}

	static Stream<String> subcommands() {
		return MigrateCommand.commandLine(CliEnvironment.system())
			.getSubcommands()
			.keySet()
			.stream()
			.filter((name) -> !name.equals("help"));
	}

	private static Path project(String name) throws IOException {
		Path project = Files.createDirectories(directory.resolve(name));
		Path scripts = Files.createDirectories(project.resolve("scripts"));
		Files.writeString(scripts.resolve("a1_account.sql"), "-- account\n--\n-- Revision ID: a1\n-- Revises:\n\n"
				+ "-- migrate:upgrade\nCREATE TABLE account (owner VARCHAR(20));\n"
				+ "INSERT INTO account VALUES ('${owner}');\n\n-- migrate:downgrade\nDROP TABLE account;\n");
		Files.writeString(scripts.resolve("b2_invoice.sql"), "-- invoice\n--\n-- Revision ID: b2\n-- Revises: a1\n\n"
				+ "-- migrate:upgrade\nCREATE TABLE invoice (id INT);\n\n-- migrate:downgrade\nDROP TABLE invoice;\n");
		List<String> upgrade = new ArrayList<>(List.of("upgrade", "a1"));
		upgrade.addAll(globals(project));
		CliRunner.Result result = new CliRunner(project).run(upgrade.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.err()).isZero();
		return project;
	}

	private static CliRunner.Result run(Path project, String command, boolean globalsFirst) {
		List<String> args = new ArrayList<>();
		List<String> globals = command.equals("init")
				? List.of("--url", "jdbc:sqlite:" + project.resolve("app.db"), "-c", "prod.properties") : globals(project);
		if (globalsFirst) {
			args.addAll(globals);
		}
		args.add(command);
		args.addAll(REQUIRED.getOrDefault(command, List.of()));
		args.addAll(EXECUTED.getOrDefault(command, List.of()));
		if (!globalsFirst) {
			args.addAll(globals);
		}
		return new CliRunner(project).run(args.toArray(String[]::new));
	}

	private static String[] global(Path project, String command) {
		List<String> args = new ArrayList<>(globals(project));
		args.add(command);
		return args.toArray(String[]::new);
	}

	private static List<String> globals(Path project) {
		return List.of("--url", "jdbc:sqlite:" + project.resolve("app.db"), "--locations", "filesystem:scripts",
				"--version-table", "mv", "--history-table", "mh", "--placeholder", "owner=app_owner", "--init-sql",
				"SELECT 1", "--connect-timeout", "5");
	}

	private static String normalize(String output, Path project) {
		return output.replace(project.toString(), "PROJECT")
			.replaceAll("(?<![0-9a-z])[0-9a-f]{12}(?![0-9a-z])", "REV")
			.replaceAll("\\d+ ms", "N ms")
			.replaceAll("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?", "DATE");
	}

	@Test
	void valueAfterTheCommandWinsOverOneBeforeIt() {
		List<Setting> settings = settings(List.of("--url", "jdbc:sqlite:before.db", "current", "--url",
				"jdbc:sqlite:after.db"));

		assertThat(settings).filteredOn((setting) -> setting.name().equals("url"))
			.singleElement()
			.extracting(Setting::value)
			.isEqualTo("jdbc:sqlite:after.db");
	}

	@Test
	void initTakesUrlAndConfigBeforeTheCommand() throws IOException {
		Path project = Files.createDirectory(directory.resolve("init-before"));

		CliRunner.Result result = new CliRunner(project).run("--url", "jdbc:sqlite:app.db", "-c", "prod.properties",
				"init");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(project.resolve("prod.properties")).content().contains("migrate.url=jdbc:sqlite:app.db");
	}

	@Test
	void initRefusesAnOptionItDoesNotTake() throws IOException {
		Path project = Files.createDirectory(directory.resolve("init-refuses"));

		CliRunner.Result result = new CliRunner(project).run("--schema", "app", "init");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("--schema").contains("init");
		assertThat(project.resolve("migrate.properties")).doesNotExist();
	}

	private static List<Setting> settings(List<String> args) {
		CommandLine commandLine = MigrateCommand.commandLine(
				new CliEnvironment(Map.of(), directory, (prompt) -> "prompted".toCharArray()));
		ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
		MigratorCommand command = (MigratorCommand) parsed.subcommand().commandSpec().userObject();
		return List.copyOf(command.settings().all());
	}

	static Stream<Arguments> commandsAndOptions() throws IOException {
		Path config = directory.resolve("other.properties");
		Files.writeString(config, "migrate.url=jdbc:sqlite:from-file.db\n");
		Path passwordFile = directory.resolve("password.txt");
		Files.writeString(passwordFile, "from-file\n");
		CommandLine commandLine = MigrateCommand.commandLine(CliEnvironment.system());
		List<OptionSpec> global = commandLine.getCommandSpec().mixins().get("connection").options();
		List<Arguments> cases = new ArrayList<>();
		for (Map.Entry<String, CommandLine> subcommand : commandLine.getSubcommands().entrySet()) {
			if (!(subcommand.getValue().getCommand() instanceof MigratorCommand)) {
				continue;
			}
			for (OptionSpec option : global) {
				cases.add(Arguments.of(subcommand.getKey(), example(option, config, passwordFile)));
			}
		}
		return cases.stream();
	}

	private static List<String> example(OptionSpec option, Path config, Path passwordFile) {
		String name = option.longestName();
		if (option.arity().max() == 0) {
			return List.of(name);
		}
		return switch (name) {
			case "--url" -> List.of(name, "jdbc:sqlite:global.db");
			case "--password-file" -> List.of(name, passwordFile.toString());
			case "--config" -> List.of(name, config.toString());
			case "--locations" -> List.of(name, "filesystem:scripts,classpath:db/more");
			case "--connect-retries" -> List.of(name, "3");
			case "--dialect" -> List.of(name, "postgresql");
			case "--placeholder" -> List.of(name, "owner=app_owner");
			case "--init-sql" -> List.of(name, "SET ROLE app_owner");
			default -> List.of(name, "value_" + name.substring(2).replace('-', '_'));
		};
	}

}
