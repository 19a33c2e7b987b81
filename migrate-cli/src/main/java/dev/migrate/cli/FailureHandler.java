package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.migrate.core.MigrateException;
import dev.migrate.core.report.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command as one line ({@code FAILED: <message>}, as Alembic does) plus its root cause, with
 * secrets removed; the stack trace only with {@code --debug}. Returns the code from {@link ExitCodes}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
		MigrateCommand root = (MigrateCommand) commandLine.getCommandSpec().root().userObject();
		Redactor redactor = root.redactor();
		PrintWriter err = commandLine.getErr();
		String message = message(failure);
		err.println("FAILED: " + redactor.redact(message));
		Throwable cause = rootCause(failure);
		if (cause != failure && cause.getMessage() != null && !message.contains(cause.getMessage())) {
			err.println("  Caused by: " + cause.getClass().getName() + ": " + redactor.redact(cause.getMessage()));
		}
		if (root.debug) {
			StringWriter trace = new StringWriter();
			failure.printStackTrace(new PrintWriter(trace));
			err.print(redactor.redact(trace.toString()));
		}
		else if (!(failure instanceof MigrateException) && !(failure instanceof CommandLine.ParameterException)) {
			err.println("  Run again with --debug for the stack trace.");
		}
		err.flush();
		return ExitCodes.of(failure);
	}

	private static String message(Throwable failure) {
		if (failure instanceof MigrateException) {
			return String.valueOf(Advice.reword(failure.getMessage()));
		}
		if (failure instanceof CommandLine.ParameterException) {
			return String.valueOf(failure.getMessage());
		}
		return failure.getClass().getName() + ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
