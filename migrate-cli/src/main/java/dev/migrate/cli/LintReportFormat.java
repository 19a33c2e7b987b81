package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.migrate.core.lint.LintFinding;
import dev.migrate.core.lint.LintReport;
import dev.migrate.core.lint.Severity;
import dev.migrate.core.report.LintText;

/**
 * How {@code migrate lint} prints its report: for people, for programs, or as GitHub Actions workflow commands
 * that annotate the pull request's files.
 */
enum LintReportFormat {

	/** A block per finding, then a summary line. */
	text {

		@Override
		List<String> render(LintReport report, UnaryOperator<String> path) {
			return LintText.lines(report, path);
		}

	},

	/** One JSON object: the counts and every finding. */
	json {

		@Override
		List<String> render(LintReport report, UnaryOperator<String> path) {
			StringBuilder json = new StringBuilder("{\"engine\":").append(quote(report.engine().engineName()))
				.append(",\"revisions\":")
				.append(report.revisions())
				.append(",\"repeatables\":")
				.append(report.repeatables())
				.append(",\"suppressed\":")
				.append(report.suppressed())
				.append(",\"skipped\":[");
			for (int i = 0; i < report.skipped().size(); i++) {
				json.append((i > 0) ? "," : "").append(quote(report.skipped().get(i)));
			}
			json.append("],\"errors\":").append(report.count(Severity.ERROR)).append(",\"findings\":[");
			for (int i = 0; i < report.findings().size(); i++) {
				LintFinding finding = report.findings().get(i);
				json.append((i > 0) ? "," : "")
					.append("{\"code\":")
					.append(quote(finding.code()))
					.append(",\"severity\":")
					.append(quote(finding.severity().id()))
					.append(",\"revision\":")
					.append(quote(finding.revision()))
					.append(",\"file\":")
					.append(quote(path.apply(finding.location())))
					.append(",\"line\":")
					.append(finding.line())
					.append(",\"statement\":")
					.append(quote(finding.statement()))
					.append(",\"message\":")
					.append(quote(finding.message()))
					.append(",\"fix\":")
					.append(quote(finding.fix()))
					.append('}');
			}
			return List.of(json.append("]}").toString());
		}

	},

	/** {@code ::error file=...,line=...,title=...::message} lines, then the summary as a notice. */
	github {

		@Override
		List<String> render(LintReport report, UnaryOperator<String> path) {
			List<String> lines = new ArrayList<>();
			for (LintFinding finding : report.findings()) {
				String command = switch (finding.severity()) {
					case ERROR -> "error";
					case WARNING -> "warning";
					case INFO, OFF -> "notice";
				};
				lines.add("::" + command + " file=" + property(path.apply(finding.location())) + ",line=" + finding.line()
						+ ",title=" + property(finding.code() + " " + finding.rule().catches()) + "::"
						+ data(finding.message() + ". Fix: " + finding.fix()));
			}
			lines.add("::notice title=migrate lint::" + data(LintText.summary(report)));
			return lines;
		}

	};

	/**
	 * @param report the report
	 * @param path how to show a script's file (relative to the working directory)
	 * @return the lines to print
	 */
	abstract List<String> render(LintReport report, UnaryOperator<String> path);

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	// GitHub's workflow-command escaping: %, CR and LF in the message; also : and , in properties.
	private static String data(String text) {
		return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
	}

	private static String property(String text) {
		return data(text).replace(":", "%3A").replace(",", "%2C");
	}

}
