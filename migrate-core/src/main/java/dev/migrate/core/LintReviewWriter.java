package dev.migrate.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.lint.LintFinding;
import dev.migrate.core.lint.LintOptions;
import dev.migrate.core.lint.LintReport;

/**
 * Lints a revision {@code revision --autogenerate} just wrote and puts each finding into the file as a
 * {@code -- REVIEW lint CODE (severity): ...} comment above the line it is about, where the other review notes
 * of the generated script already stand.
 */
final class LintReviewWriter {

	private static final Pattern REVISION_ID = Pattern.compile("(?m)^--\\s*Revision ID:\\s*(\\S+)\\s*$");

	private final MigrateConfig config;

	LintReviewWriter(MigrateConfig config) {
		this.config = config;
	}

	/**
	 * @param file the new revision's file
	 * @return the findings written into it
	 */
	List<LintFinding> annotate(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			Matcher id = REVISION_ID.matcher(text);
			if (!id.find()) {
				return List.of();
			}
			String revision = id.group(1);
			LintReport report = new LintCommands(this.config).lint(revision + ":" + revision, LintOptions.defaults());
			// The new revision is a head, so the repeatable scripts were read too: their findings are not this file's.
			List<LintFinding> findings = report.findings()
				.stream()
				.filter((finding) -> revision.equals(finding.revision()))
				.toList();
			if (findings.isEmpty()) {
				return List.of();
			}
			List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
			List<LintFinding> lastFirst = new ArrayList<>(findings);
			lastFirst.sort(Comparator.comparingInt(LintFinding::line).reversed());
			for (LintFinding finding : lastFirst) {
				String line = lines.get(finding.line() - 1);
				String indent = line.substring(0, line.length() - line.stripLeading().length());
				lines.add(finding.line() - 1, indent + "-- REVIEW lint " + finding.code() + " ("
						+ finding.severity().id() + "): " + finding.message() + ". Fix: " + finding.fix());
			}
			Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
			return findings;
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write lint findings into " + file + ": " + ex.getMessage(), ex);
		}
	}

}
