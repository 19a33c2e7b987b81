package dev.migrate.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.migrate.core.lint.LintFinding;
import dev.migrate.core.lint.LintReport;
import dev.migrate.core.lint.Severity;

/**
 * What {@code lint} prints for people, in the CLI and in a build: a block per finding (file:line, severity, code,
 * what it catches; the statement; what happens; the fix), then a summary line.
 */
public final class LintText {

	private LintText() {
	}

	/**
	 * @param report the report
	 * @param path how to show a script's file (relative to where the user is)
	 * @return the lines, the summary last
	 */
	public static List<String> lines(LintReport report, UnaryOperator<String> path) {
		List<String> lines = new ArrayList<>();
		for (LintFinding finding : report.findings()) {
			lines.add(path.apply(finding.location()) + ":" + finding.line() + ": " + finding.severity().id() + " "
					+ finding.code() + " " + finding.rule().catches());
			if (!finding.statement().isEmpty()) {
				lines.add("    " + finding.statement());
			}
			lines.add("    " + finding.message());
			lines.add("    fix: " + finding.fix());
		}
		lines.add(summary(report));
		return lines;
	}

	/**
	 * @param report the report
	 * @return one line: the counts per severity, the revisions and repeatable scripts read, the suppressed findings and what was not read
	 */
	public static String summary(LintReport report) {
		long errors = report.count(Severity.ERROR);
		long warnings = report.count(Severity.WARNING);
		long infos = report.count(Severity.INFO);
		StringBuilder text = new StringBuilder();
		text.append(count(report.findings().size(), "finding"))
			.append(" (")
			.append(count(errors, "error"))
			.append(", ")
			.append(count(warnings, "warning"));
		if (infos > 0) {
			text.append(", ").append(infos).append(" info");
		}
		text.append(") in ").append(count(report.revisions(), "revision"));
		if (report.repeatables() > 0) {
			text.append(" and ").append(count(report.repeatables(), "repeatable script"));
		}
		text.append(" for ")
			.append(report.engine().engineName());
		if (report.suppressed() > 0) {
			text.append("; ").append(report.suppressed()).append(" suppressed");
		}
		if (!report.skipped().isEmpty()) {
			text.append("; not read (Java migration or no section for the engine): ")
				.append(String.join(", ", report.skipped()));
		}
		return text.toString();
	}

	private static String count(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
