package dev.migrate.core.lint;

import java.util.List;

import dev.migrate.core.script.SqlSyntax;

/**
 * What {@code migrate lint} found over a range of revisions and, when it reaches a head, the repeatable scripts.
 *
 * @param engine the engine the scripts were read for
 * @param revisions how many revisions were read
 * @param repeatables how many repeatable scripts were read (they are when the range reaches a head)
 * @param skipped ids of revisions, and names of repeatable scripts, that could not be read (Java migrations, scripts
 * without a section for the engine)
 * @param suppressed how many findings a {@code -- migrate:lint-ignore} comment suppressed
 * @param findings what remains, in revision order (oldest first), then by line
 */
public record LintReport(SqlSyntax engine, int revisions, int repeatables, List<String> skipped, int suppressed,
		List<LintFinding> findings) {

	/**
	 * Copies the lists.
	 */
	public LintReport {
		skipped = List.copyOf(skipped);
		findings = List.copyOf(findings);
	}

	/**
	 * @param severity a severity
	 * @return how many findings have it
	 */
	public long count(Severity severity) {
		return this.findings.stream().filter((finding) -> finding.severity() == severity).count();
	}

	/**
	 * @return whether a finding at {@link Severity#ERROR} remains (what makes {@code migrate lint} fail)
	 */
	public boolean hasErrors() {
		return count(Severity.ERROR) > 0;
	}

}
