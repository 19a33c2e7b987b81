package dev.migrate.core.script;

/**
 * A {@code -- migrate:lint-ignore CODE reason} line of a SQL script: an instruction for the linter that the
 * runtime ignores. The linter gives the text its meaning; the script only says where it stands.
 *
 * @param line the 1-based line of the file
 * @param text what follows {@code migrate:lint-ignore}, trimmed (the codes, then the reason)
 * @param beforeSections whether the line stands before the first section, where it applies to the whole
 * revision rather than to the statement after it
 */
public record LintComment(int line, String text, boolean beforeSections) {

	/** The directive's name, as written after {@code -- migrate:}. */
	public static final String DIRECTIVE = "lint-ignore";

}
