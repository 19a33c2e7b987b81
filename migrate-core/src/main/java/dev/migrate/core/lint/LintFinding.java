package dev.migrate.core.lint;

/**
 * One thing {@code migrate lint} found.
 *
 * @param rule the rule that found it
 * @param severity its severity (the rule's default unless configured otherwise)
 * @param revision the revision id
 * @param location the script's file
 * @param line the 1-based line of the clause it is about
 * @param statement the statement's first words, for orientation
 * @param message what happens on the engine when it runs
 * @param fix the safe rewrite
 */
public record LintFinding(LintRule rule, Severity severity, String revision, String location, int line,
		String statement, String message, String fix) {

	/**
	 * @return the rule's code, e.g. {@code PG01}
	 */
	public String code() {
		return this.rule.code();
	}

}
