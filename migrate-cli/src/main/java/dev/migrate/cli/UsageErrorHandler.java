package dev.migrate.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that does not parse: the message, the closest commands or options, and where to
 * find the usage; exit code {@link ExitCodes#USAGE}.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

	@Override
	public int handleParseException(ParameterException failure, String[] args) {
		CommandLine commandLine = failure.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println("FAILED: " + Redactor.forArguments(args).redact(message(failure)));
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

}
