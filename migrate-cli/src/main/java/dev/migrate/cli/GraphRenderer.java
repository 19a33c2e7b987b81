package dev.migrate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.RevisionFormat;

/**
 * Draws the revision graph as text, as {@code git log --graph} draws commits: one {@code *} per revision,
 * newest first, {@code |} for lines passing by, {@code \} where a merge point opens its parents and {@code /}
 * where branches meet again at a branch point.
 */
final class GraphRenderer {

	private GraphRenderer() {
	}

	/**
	 * @param revisions every revision, newest first (children before parents), as {@code history} lists them
	 * @param current the ids the database holds (marked {@code (current)}), or empty
	 * @return the lines
	 */
	static List<String> render(List<RevisionInfo> revisions, Set<String> current) {
		List<String> lines = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		for (RevisionInfo revision : revisions) {
			int index = columns.indexOf(revision.id());
			if (index < 0) {
				columns.add(revision.id());
				index = columns.size() - 1;
			}
			lines.add(commitRow(columns.size(), index) + "  "
					+ RevisionFormat.line(revision, true, true, false, true, current.contains(revision.id())));
			List<String> parents = revision.revises();
			if (parents.isEmpty()) {
				columns.remove(index);
				if (index < columns.size()) {
					lines.add(closeRow(columns.size() + 1, index, index));
				}
			}
			else {
				columns.set(index, parents.get(0));
				if (parents.size() > 2 && index == columns.size() - 1) {
					// An octopus merge at the right edge: all its parents open in one row, "|\ \".
					lines.add(octopusRow(index, parents.size() - 1));
					columns.addAll(parents.subList(1, parents.size()));
				}
				else {
					for (int i = 1; i < parents.size(); i++) {
						lines.add(openRow(columns.size(), index + i - 1));
						columns.add(index + i, parents.get(i));
					}
				}
			}
			collapse(columns, lines);
		}
		return lines;
	}

	// Columns that now wait for the same revision join: the later one bends into the earlier.
	private static void collapse(List<String> columns, List<String> lines) {
		boolean joined = true;
		while (joined) {
			joined = false;
			for (int later = 1; later < columns.size() && !joined; later++) {
				int earlier = columns.subList(0, later).indexOf(columns.get(later));
				if (earlier >= 0) {
					lines.add(closeRow(columns.size(), later, earlier));
					columns.remove(later);
					joined = true;
				}
			}
		}
	}

	private static String commitRow(int width, int index) {
		char[] row = blank(width);
		for (int k = 0; k < width; k++) {
			row[2 * k] = (k == index) ? '*' : '|';
		}
		return new String(row);
	}

	// A new column opens right of 'index'; the columns after it move one to the right.
	private static String openRow(int width, int index) {
		char[] row = blank(width + 1);
		for (int k = 0; k < width; k++) {
			if (k <= index) {
				row[2 * k] = '|';
			}
			else {
				row[2 * k + 1] = '\\';
			}
		}
		row[2 * index + 1] = '\\';
		return trimEnd(row);
	}

	// Columns 0..index keep going; 'extra' new columns open to the right of 'index'.
	private static String octopusRow(int index, int extra) {
		char[] row = blank(index + extra + 1);
		for (int k = 0; k <= index; k++) {
			row[2 * k] = '|';
		}
		for (int j = 1; j <= extra; j++) {
			row[2 * (index + j) - 1] = '\\';
		}
		return trimEnd(row);
	}

	// Column 'closing' ends, bending into column 'into' (or just ending when equal); later columns move left.
	private static String closeRow(int width, int closing, int into) {
		char[] row = blank(width);
		for (int k = 0; k < width; k++) {
			if (k < closing) {
				row[2 * k] = '|';
			}
			else if (k == closing && closing != into) {
				row[2 * k - 1] = '/';
				for (int p = 2 * into + 1; p < 2 * k - 1; p += 2) {
					row[p] = '_';
				}
			}
			else if (k > closing) {
				row[2 * k - 1] = '/';
			}
		}
		return trimEnd(row);
	}

	private static char[] blank(int width) {
		char[] row = new char[Math.max(1, 2 * width - 1)];
		Arrays.fill(row, ' ');
		return row;
	}

	private static String trimEnd(char[] row) {
		return new String(row).stripTrailing();
	}

}
