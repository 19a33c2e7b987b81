package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import picocli.CommandLine;

/**
 * Runs the command in process with a given environment, capturing its output.
 */
final class CliRunner {

	private final Path workingDirectory;

	private final Map<String, String> variables = new HashMap<>();

	private Function<String, char[]> prompt = (text) -> null;

	CliRunner(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	CliRunner env(String name, String value) {
		this.variables.put(name, value);
		return this;
	}

	CliRunner prompt(Function<String, char[]> prompt) {
		this.prompt = prompt;
		return this;
	}

	// As MigrateCommand.execute does: with the subcommands the arguments name.
	Result run(String... args) {
		CommandLine commandLine = MigrateCommand
			.commandLine(new CliEnvironment(this.variables, this.workingDirectory, this.prompt), args);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int code = commandLine.execute(args);
		return new Result(code, out.toString(), err.toString());
	}

	record Result(int exitCode, String out, String err) {

	}

}
