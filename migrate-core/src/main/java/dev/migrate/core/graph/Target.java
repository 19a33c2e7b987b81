package dev.migrate.core.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed target: {@code [qualifier@]symbol}, {@code [qualifier@][symbol](+|-)N}. Parsed once where a target
 * enters (the facade), before any connection: a malformed target fails without touching the database.
 *
 * @param text the target as written
 * @param qualifier the branch label or revision before {@code @}, or {@code null}
 * @param symbol {@code head}, {@code heads}, {@code base}, an id, prefix or label; {@code null} for a walk from
 * the current rows
 * @param steps 0 for an absolute target; otherwise the walk, positive up, negative down
 */
public record Target(String text, String qualifier, String symbol, int steps) {

	private static final Pattern RELATIVE = Pattern.compile("(?:(\\w+)@)?(\\w+)?([+-])(\\d+)");

	private static final Pattern ABSOLUTE = Pattern.compile("(?:(\\w+)@)?(\\w+)");

	/**
	 * Parses a target.
	 * @param text the target as written
	 * @return the target
	 * @throws TargetException if it is empty or not in the grammar, naming the forms that exist
	 */
	public static Target parse(String text) {
		if (text == null || text.isBlank()) {
			throw new TargetException(text, "Target is empty; use 'head', 'heads', 'base', a revision id, "
					+ "'<label>@head', or a relative target such as '+1' or 'head-1'");
		}
		String trimmed = text.strip();
		Matcher relative = RELATIVE.matcher(trimmed);
		if (relative.matches()) {
			long count;
			try {
				count = Long.parseLong(relative.group(4));
			}
			catch (NumberFormatException ex) {
				count = Integer.MAX_VALUE;
			}
			count = Math.min(count, Integer.MAX_VALUE);
			if (count == 0) {
				throw new RelativeTargetException(text, "Target '" + text + "' moves 0 revisions; use "
						+ ((relative.group(2) != null) ? "'" + relative.group(2) + "'" : "a non-zero step such as '+1'"));
			}
			int steps = (int) count * ("+".equals(relative.group(3)) ? 1 : -1);
			return new Target(trimmed, relative.group(1), relative.group(2), steps);
		}
		Matcher absolute = ABSOLUTE.matcher(trimmed);
		if (absolute.matches()) {
			return new Target(trimmed, absolute.group(1), absolute.group(2), 0);
		}
		throw new TargetException(text, "Target '" + text + "' is not valid; use 'head', 'heads', 'base', a revision "
				+ "id or prefix, '<label>@head', '<label>@<rev>', or a relative target such as '+1', '-1', 'head-2' "
				+ "or '<rev>+1'");
	}

	@Override
	public String toString() {
		return this.text;
	}

	boolean relative() {
		return this.steps != 0;
	}

	boolean fromCurrent() {
		return this.steps != 0 && this.symbol == null;
	}

}
