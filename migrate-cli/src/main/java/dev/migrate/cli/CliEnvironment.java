package dev.migrate.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What the command reads from its surroundings, replaceable in tests: environment variables, the working
 * directory and the password prompt.
 *
 * @param variables the environment variables
 * @param workingDirectory the absolute working directory
 * @param passwordPrompt shows a prompt and reads a password without echo, or returns {@code null} when there
 * is no terminal
 */
record CliEnvironment(Map<String, String> variables, Path workingDirectory,
		Function<String, char[]> passwordPrompt) {

	CliEnvironment {
		variables = Map.copyOf(variables);
		workingDirectory = workingDirectory.toAbsolutePath().normalize();
	}

	/**
	 * @return the environment of this process, prompting on {@link System#console()}
	 */
	static CliEnvironment system() {
		return new CliEnvironment(System.getenv(), Path.of(""), CliEnvironment::readFromConsole);
	}

	private static char[] readFromConsole(String prompt) {
		Console console = System.console();
		return (console != null) ? console.readPassword("%s", prompt) : null;
	}

}
