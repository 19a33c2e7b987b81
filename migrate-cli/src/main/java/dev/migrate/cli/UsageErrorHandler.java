package dev.migrate.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.report.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that does not parse: the message, the closest commands or options, and where to
 * find the usage; exit code {@link ExitCodes#USAGE}.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

	// Option names (letters only, lower case) that hold a secret, spelt right or not: --pasword, --passwrd, --pw.
	private static final List<String> SECRET_OPTION_PARTS = List.of("pas", "pw", "secret", "token", "cred");

	@Override
	public int handleParseException(ParameterException failure, String[] args) {
		CommandLine commandLine = failure.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println("FAILED: " + redactorFor(args).redact(message(failure)));
		UnmatchedArgumentException.printSuggestions(failure, err);
		err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
		err.flush();
		return ExitCodes.USAGE;
	}

	// picocli says "Unmatched arguments from index 0: 'upgrde', 'head'" where a command was expected.
	private static String message(ParameterException failure) {
		CommandLine commandLine = failure.getCommandLine();
		if (failure instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
				&& !commandLine.getSubcommands().isEmpty() && commandLine.getParseResult() != null
				&& !commandLine.getParseResult().hasSubcommand()) {
			String first = unmatched.getUnmatched().get(0);
			if (!first.startsWith("-")) {
				return "Unknown command '" + first + "'";
			}
		}
		return failure.getMessage();
	}


	/**
	 * A redactor for a command line that did not parse: the value of every option whose name looks like a
	 * password option ({@code --pasword s3cret}, {@code --passwrd=s3cret}) is a secret, since picocli echoes
	 * unknown options and their values.
	 * @param args the command line
	 * @return the redactor
	 */
	static Redactor redactorFor(String[] args) {
		List<String> secrets = new ArrayList<>();
		String url = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("-")) {
				continue;
			}
			int equals = arg.indexOf('=');
			String name = ((equals < 0) ? arg : arg.substring(0, equals)).toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z]", "");
			String value = (equals >= 0) ? arg.substring(equals + 1)
					: (i + 1 < args.length && !args[i + 1].startsWith("-")) ? args[i + 1] : null;
			if (value == null) {
				continue;
			}
			if (name.equals("url")) {
				url = value;
			}
			else if (SECRET_OPTION_PARTS.stream().anyMatch(name::contains)) {
				secrets.add(value);
			}
		}
		return Redactor.of(url, secrets);
	}

}
