package dev.migrate.core.runtime;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a statement changes, as far as resuming needs to know: data only (rolled back with its transaction on every
 * engine), or anything else (DDL and the like, which may commit on its own).
 */
enum StatementKind {

	/** {@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code REPLACE} or {@code MERGE}. */
	DATA,

	/** Anything else. */
	OTHER;

	// Compiled once: String.split compiles a regex of more than one character on every call, once per statement.
	private static final Pattern FIRST_WORD_END = Pattern.compile("[\\s(]");

	/**
	 * Classifies a statement by its first word.
	 * @param sql the statement
	 * @return its kind
	 */
	static StatementKind of(String sql) {
		String first = FIRST_WORD_END.split(sql.strip(), 2)[0].toUpperCase(Locale.ROOT);
		return switch (first) {
			case "SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE" -> DATA;
			default -> OTHER;
		};
	}

}
