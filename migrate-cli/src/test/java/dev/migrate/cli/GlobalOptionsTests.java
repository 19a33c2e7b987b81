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
		assertThat(resolvedBefore).as("settings of %s", before)
			.anySatisfy((setting) -> assertThat(setting.source()).contains(source));
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
			default -> List.of(name, "value_" + name.substring(2).replace('-', '_'));
		};
	}

}
