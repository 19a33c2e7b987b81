package dev.migrate.core.graph;

/**
 * A range of revisions as written, {@code start:end}, split once for every command that takes one ({@code history},
 * offline {@code upgrade --sql} and {@code downgrade --sql}). Each side is stripped and may be empty; what an empty
 * side means ({@code base}, {@code heads}) is the command's choice.
 *
 * @param start the text before the first colon, stripped
 * @param end the text after the first colon, stripped (holds any further colon, which no target has)
 */
public record RevisionRange(String start, String end) {

	/**
	 * @param text the range as given, or {@code null}
	 * @return the range split at its first colon, or {@code null} when the text has no colon (a single end)
	 */
	public static RevisionRange split(String text) {
		int colon = (text != null) ? text.indexOf(':') : -1;
		if (colon < 0) {
			return null;
		}
		return new RevisionRange(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
	}

	/**
	 * @param whenEmpty what an empty start means to the command
	 * @return the start, or {@code whenEmpty} when none was given
	 */
	public String startOr(String whenEmpty) {
		return this.start.isEmpty() ? whenEmpty : this.start;
	}

	/**
	 * @param whenEmpty what an empty end means to the command
	 * @return the end, or {@code whenEmpty} when none was given
	 */
	public String endOr(String whenEmpty) {
		return this.end.isEmpty() ? whenEmpty : this.end;
	}

}
