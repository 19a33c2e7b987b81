package dev.migrate.cli;

import java.sql.SQLException;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.DatabaseConnectionException;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;

/**
 * The documented exit codes of {@code migrate}, and which failure maps to which.
 */
final class ExitCodes implements IExitCodeExceptionMapper {

	/** The command did what was asked. */
	static final int OK = 0;

	/** A migration failed, or {@code check}/{@code validate} found a problem. */
	static final int FAILED = 1;

	/** Bad usage or configuration: unknown command or option, missing URL, unreachable database, bad password. */
	static final int USAGE = 2;

	@Override
	public int getExitCode(Throwable failure) {
		return of(failure);
	}

	/**
	 * @param failure what went wrong
	 * @return {@link #USAGE} for parse errors, configuration errors and connection or login failures, else
	 * {@link #FAILED}
	 */
	static int of(Throwable failure) {
		if (failure instanceof CommandLine.ParameterException) {
			return USAGE;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConfigurationException || cause instanceof DatabaseConnectionException) {
				return USAGE;
			}
			if (cause instanceof SQLException sql && isConnectionFailure(sql.getSQLState())) {
				return USAGE;
			}
			if (cause == cause.getCause()) {
				break;
			}
		}
		return FAILED;
	}

	// SQLSTATE class 08 is "connection exception", 28 "invalid authorization specification".
	private static boolean isConnectionFailure(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("28"));
	}

}
