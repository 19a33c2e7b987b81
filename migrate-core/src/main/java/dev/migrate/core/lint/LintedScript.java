package dev.migrate.core.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of script a finding is in. The rules' messages and fixes are worded for a revision; a repeatable
 * script has the same header and transaction settings, so the same advice holds with the noun changed.
 */
enum LintedScript {

	/** A revision of the graph. */
	REVISION,

	/** A repeatable script, run after the revisions whenever it changed. */
	REPEATABLE;

	/** "a revision", "the revision", "this revision" and "'Transactional: false' revision", not "no revision". */
	private static final Pattern REVISION_NOUN = Pattern
		.compile("(\\ba|\\bthe|\\bthis|'Transactional: false') revision\\b");

	/**
	 * @param text a message or fix worded for a revision
	 * @return the text worded for this kind of script
	 */
	String words(String text) {
		if (this == REVISION) {
			return text;
		}
		Matcher matcher = REVISION_NOUN.matcher(text);
		StringBuilder worded = new StringBuilder();
		while (matcher.find()) {
			String noun = switch (matcher.group(1)) {
				case "a" -> "a repeatable script";
				case "'Transactional: false'" -> "'Transactional: false' repeatable script";
				default -> matcher.group(1) + " script";
			};
			matcher.appendReplacement(worded, Matcher.quoteReplacement(noun));
		}
		return matcher.appendTail(worded).toString();
	}

}
