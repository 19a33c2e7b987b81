package dev.migrate.core.verify;

import java.util.List;

import dev.migrate.core.verify.SchemaDifference.Kind;

/**
 * Writes a {@link MigrationTestReport} for people: a summary line per revision, then one paragraph per problem.
 */
final class ReportText {

	private ReportText() {
	}

	static String of(MigrationTestReport report) {
		StringBuilder text = new StringBuilder();
		int width = report.revisions().stream().mapToInt((check) -> check.revision().length()).max().orElse(0);
		int labelWidth = report.revisions().stream().mapToInt((check) -> check.outcome().label().length()).max()
			.orElse(0);
		text.append("Stairway on ").append(report.engine()).append(": ").append(report.revisions().size())
			.append((report.revisions().size() == 1) ? " revision" : " revisions").append(", each upgraded,")
			.append(" downgraded and upgraded again\n");
		for (RevisionCheck check : report.revisions()) {
			text.append("  ").append(pad(check.revision(), width)).append("  ")
				.append(pad(check.outcome().label(), labelWidth)).append("  ").append(check.message()).append('\n');
		}
		text.append("Heads: ").append(String.join(", ", report.heads()))
			.append((report.headsProblem() == null) ? " ok\n" : " FAILED\n");
		if (report.model() != null) {
			text.append("Model ").append(report.model()).append(": ").append((report.modelSkipped() != null)
					? "not compared" : report.modelDifferences().isEmpty() ? "matches the schema at heads"
							: report.modelDifferences().size() + " difference(s)")
				.append('\n');
		}
		if (report.headsProblem() != null) {
			text.append('\n').append(report.headsProblem()).append('\n');
		}
		for (RevisionCheck check : report.revisions()) {
			details(text, check);
		}
		if (report.modelSkipped() != null) {
			text.append('\n').append("The model was not compared: ").append(report.modelSkipped()).append('\n');
		}
		else if (!report.modelDifferences().isEmpty()) {
			text.append('\n').append("The schema at heads differs from the model ").append(report.model()).append(":\n");
			differences(text, report.modelDifferences(), "not in the model", "in the model only",
					"differs from the model");
			text.append("  A new revision would need:\n");
			fixes(text, report.modelDifferences());
		}
		text.append('\n').append(report.passed() ? "All migration tests passed.\n" : "Migration tests FAILED.\n");
		return text.toString();
	}

	private static void details(StringBuilder text, RevisionCheck check) {
		String where = check.revision() + " (" + check.source() + ")";
		switch (check.outcome()) {
			case OK -> {
			}
			case LEAVES_TRACE -> {
				text.append('\n').append(where)
					.append(" leaves a trace: after its downgrade the schema differs from before its upgrade:\n");
				differences(text, check.differences(), "left behind", "dropped too much", "changed");
				text.append("  Its downgrade also needs:\n");
				fixes(text, check.differences());
			}
			case IRREVERSIBLE, FAILED, NOT_CHECKED -> text.append('\n').append(where).append(' ')
				.append(check.outcome().label()).append(": ").append(check.detail()).append('\n');
		}
	}

	private static void differences(StringBuilder text, List<SchemaDifference> differences, String extra,
			String missing, String changed) {
		for (SchemaDifference difference : differences) {
			String word = (difference.kind() == Kind.EXTRA) ? extra
					: (difference.kind() == Kind.MISSING) ? missing : changed;
			text.append("  ").append(word).append(": ").append(difference.object()).append('\n');
		}
	}

	private static void fixes(StringBuilder text, List<SchemaDifference> differences) {
		for (SchemaDifference difference : differences) {
			for (String sql : difference.fixSql()) {
				text.append("    ").append(sql.replace("\n", "\n    ")).append(";\n");
			}
		}
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

}
