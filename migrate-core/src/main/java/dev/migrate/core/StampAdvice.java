package dev.migrate.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fix some failures advise is a command, not a setting: {@code 'migrate stamp <revision>'} after a revision
 * that cannot be resumed, or a version table to correct. Core messages word it as the command line's command; an
 * edge without that command words it as its own ({@code mvn migrate:stamp -Dmigrate.target=...}), or says where the
 * command is, through {@link #reword(String, Wording)}.
 */
public final class StampAdvice {

	// 'migrate stamp', 'migrate stamp abc123', 'migrate stamp --purge <target>'
	private static final Pattern STAMP = Pattern.compile("'migrate stamp( --purge)?(?: ([^']+))?'");

	private StampAdvice() {
	}

	/**
	 * How an edge words the stamp command.
	 */
	@FunctionalInterface
	public interface Wording {

		/**
		 * @param purge whether the advice is to purge the version table first
		 * @param target the revision to stamp, a placeholder such as {@code <revision>}, or {@code null} when
		 * the message names none
		 * @return the advice in the edge's words, quotes included
		 */
		String stamp(boolean purge, String target);

	}

	/**
	 * @param message a message from the core, or {@code null}
	 * @param wording the edge's wording
	 * @return the message with each stamp command worded by the edge
	 */
	public static String reword(String message, Wording wording) {
		if (message == null) {
			return null;
		}
		Matcher matcher = STAMP.matcher(message);
		StringBuilder reworded = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(reworded,
					Matcher.quoteReplacement(wording.stamp(matcher.group(1) != null, matcher.group(2))));
		}
		matcher.appendTail(reworded);
		return reworded.toString();
	}

	/**
	 * The Maven plugin's goal for the command, such as {@code 'mvn migrate:stamp -Dmigrate.target=abc123'}.
	 * @param purge whether to purge first
	 * @param target the revision, or {@code null}
	 * @return the goal, quoted
	 */
	public static String mavenGoal(boolean purge, String target) {
		return "'mvn migrate:stamp -Dmigrate.target=" + ((target != null) ? target : "<revision>")
				+ (purge ? " -Dmigrate.purge" : "") + "'";
	}

}
