package dev.migrate.core.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.core.script.LintComment;

/**
 * One script's {@code -- migrate:lint-ignore CODE[,CODE] reason} comments. On the line before a statement (a run
 * of such lines counts as one) a comment silences its codes for that statement; before the first section it
 * marks the whole revision (a contract step may drop what an earlier release stopped using). A comment without
 * a reason, or naming no known code, silences nothing and is itself a finding ({@link LintRule#LINT01}).
 */
final class Suppressions {

	private final Set<LintRule> wholeRevision = EnumSet.noneOf(LintRule.class);

	private final Map<Integer, Set<LintRule>> byLine = new HashMap<>();

	private final List<Problem> problems = new ArrayList<>();

	Suppressions(List<LintComment> comments) {
		for (LintComment comment : comments) {
			String text = comment.text();
			int space = indexOfWhitespace(text);
			String codes = (space < 0) ? text : text.substring(0, space);
			String reason = (space < 0) ? "" : text.substring(space).strip();
			Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
			for (String code : codes.split(",")) {
				LintRule rule = code.isBlank() ? null : LintRule.forCode(code);
				if (rule == null) {
					this.problems.add(new Problem(comment.line(), "'-- migrate:lint-ignore' names '" + code
							+ "', which is no rule's code; codes are listed in docs/safe-migrations.md"));
				}
				else {
					rules.add(rule);
				}
			}
			if (reason.isEmpty()) {
				this.problems.add(new Problem(comment.line(),
						"'-- migrate:lint-ignore " + codes + "' gives no reason, so it suppresses nothing"));
				continue;
			}
			if (comment.beforeSections()) {
				this.wholeRevision.addAll(rules);
			}
			else {
				this.byLine.put(comment.line(), rules);
			}
		}
	}

	/** Whether a comment silences the rule for the statement starting on that line. */
	boolean suppresses(LintRule rule, int statementLine) {
		if (this.wholeRevision.contains(rule)) {
			return true;
		}
		for (int line = statementLine - 1; this.byLine.containsKey(line); line--) {
			if (this.byLine.get(line).contains(rule)) {
				return true;
			}
		}
		return false;
	}

	List<Problem> problems() {
		return this.problems;
	}

	private static int indexOfWhitespace(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/** A comment the linter cannot honour. */
	record Problem(int line, String message) {
	}

}
