package dev.migrate.core.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.RepeatableInfo;
import dev.migrate.core.RepeatableState;
import dev.migrate.core.RevisionInfo;

/**
 * Alembic's output shapes for revisions: the one-line form of {@code history}, {@code heads} and
 * {@code current} ({@code Script._head_only}), and the full header of {@code show} and {@code -v}
 * ({@code Script.log_entry}).
 */
public final class RevisionFormat {

	/** What stands for "no revision" in Alembic's output. */
	public static final String BASE = "<base>";

	private RevisionFormat() {
	}

	/**
	 * A {@code history} line: {@code <down> -> <id> (labels) (head) (current) (branchpoint), message}.
	 * @param revision the revision
	 * @param current whether the database holds it
	 * @return the line
	 */
	public static String historyLine(RevisionInfo revision, boolean current) {
		return line(revision, true, true, true, true, current);
	}

	/**
	 * A {@code heads} line: {@code <id> (labels) (head)}.
	 * @param revision the revision
	 * @return the line
	 */
	public static String headLine(RevisionInfo revision) {
		return line(revision, true, false, false, false, false);
	}

	/**
	 * A {@code current} line: {@code <id> (head) (branchpoint)}.
	 * @param revision the revision
	 * @return the line
	 */
	public static String currentLine(RevisionInfo revision) {
		return line(revision, false, false, false, true, false);
	}

	/**
	 * The general one-line form, Alembic's {@code _head_only}.
	 * @param revision the revision
	 * @param includeBranches whether to add the branch labels
	 * @param includeDoc whether to add {@code , message}
	 * @param includeParents whether to start with {@code <down> -> }
	 * @param treeIndicators whether to add {@code (branchpoint)} and {@code (mergepoint)}
	 * @param current whether to add {@code (current)}
	 * @return the line
	 */
	public static String line(RevisionInfo revision, boolean includeBranches, boolean includeDoc, boolean includeParents,
			boolean treeIndicators, boolean current) {
		StringBuilder line = new StringBuilder();
		if (includeParents) {
			line.append(down(revision));
			if (!revision.dependsOn().isEmpty()) {
				line.append(" (").append(String.join(", ", revision.dependsOn())).append(')');
			}
			line.append(" -> ");
		}
		line.append(revision.id());
		if (includeBranches && !revision.branchLabels().isEmpty()) {
			line.append(" (").append(String.join(", ", new TreeSet<>(revision.branchLabels()))).append(')');
		}
		if (revision.head()) {
			line.append(" (head)");
		}
		if (revision.effectiveHead()) {
			line.append(" (effective head)");
		}
		if (current) {
			line.append(" (current)");
		}
		if (treeIndicators) {
			if (revision.branchPoint()) {
				line.append(" (branchpoint)");
			}
			if (revision.mergePoint()) {
				line.append(" (mergepoint)");
			}
		}
		if (includeDoc) {
			line.append(", ").append(revision.message());
		}
		return line.toString();
	}

	/**
	 * A repeatable script's line in {@code history}:
	 * {@code repeatable <name> (depends on <ids>) (<state>), <message>}.
	 * @param repeatable the script
	 * @param state its state against the database, or {@code null} when the database was not read
	 * @return the line
	 */
	public static String repeatableLine(RepeatableInfo repeatable, RepeatableState state) {
		StringBuilder line = new StringBuilder("repeatable ").append(repeatable.name());
		if (!repeatable.dependsOn().isEmpty()) {
			line.append(" (depends on ").append(String.join(", ", repeatable.dependsOn())).append(')');
		}
		if (state != null) {
			line.append(" (").append(state.name().toLowerCase(java.util.Locale.ROOT)).append(')');
		}
		if (!repeatable.message().isEmpty()) {
			line.append(", ").append(repeatable.message());
		}
		return line.toString();
	}

	/**
	 * The full header, Alembic's {@code log_entry}, ending with an empty line.
	 * @param revision the revision
	 * @param children the ids that revise it (for {@code Branches into})
	 * @param current whether the database holds it
	 * @return the lines
	 */
	public static List<String> logEntry(RevisionInfo revision, Collection<String> children, boolean current) {
		List<String> lines = new ArrayList<>();
		StringBuilder rev = new StringBuilder("Rev: ").append(revision.id());
		// Alembic's full header marks every branch head, effective or not, as (head)
		rev.append((revision.head() || revision.effectiveHead()) ? " (head)" : "");
		rev.append(revision.branchPoint() ? " (branchpoint)" : "");
		rev.append(revision.mergePoint() ? " (mergepoint)" : "");
		rev.append(current ? " (current)" : "");
		lines.add(rev.toString());
		lines.add((revision.mergePoint() ? "Merges: " : "Parent: ") + down(revision));
		if (!revision.dependsOn().isEmpty()) {
			lines.add("Also depends on: " + String.join(", ", revision.dependsOn()));
		}
		if (revision.branchPoint()) {
			lines.add("Branches into: " + String.join(", ", children));
		}
		if (!revision.branchLabels().isEmpty()) {
			lines.add("Branch names: " + String.join(", ", new TreeSet<>(revision.branchLabels())));
		}
		lines.add("Path: " + revision.source());
		lines.add("");
		lines.add("    " + revision.message());
		// Alembic indents every line of the docstring, the blank one too
		lines.add("    ");
		lines.add("    Revision ID: " + revision.id());
		lines.add("    Revises: " + String.join(", ", revision.revises()));
		if (revision.createDate() != null) {
			lines.add("    Create Date: " + revision.createDate().toString().replace('T', ' '));
		}
		lines.add("");
		return lines;
	}

	/**
	 * @param revision a revision
	 * @return what it revises, comma separated, or {@code <base>}
	 */
	public static String down(RevisionInfo revision) {
		return revision.revises().isEmpty() ? BASE : String.join(", ", revision.revises());
	}

	/**
	 * Version rows with their marks, for summaries: {@code 3f2a9c1b7e40 (head)}, or {@code <base>}.
	 * @param rows the version rows
	 * @param revisions every revision by id (rows without a script get no marks)
	 * @return the text
	 */
	public static String rows(List<String> rows, Map<String, RevisionInfo> revisions) {
		if (rows.isEmpty()) {
			return BASE;
		}
		List<String> parts = new ArrayList<>();
		for (String row : rows) {
			RevisionInfo revision = revisions.get(row);
			parts.add((revision != null && revision.head()) ? row + " (head)" : row);
		}
		return String.join(", ", parts);
	}

	/**
	 * What {@code current} prints: a line per version row ({@code 3f2a9c1b7e40 (head)}), or the full header of each.
	 * @param rows the database's version rows
	 * @param revisions every revision by id
	 * @param verbose whether to print full headers
	 * @return the lines (none at base)
	 */
	public static List<String> currentLines(List<String> rows, Map<String, RevisionInfo> revisions, boolean verbose) {
		List<String> lines = new ArrayList<>();
		for (String row : rows) {
			RevisionInfo revision = revisions.get(row);
			if (revision == null) {
				lines.add(row + " (no script found for this revision)");
			}
			else if (verbose) {
				lines.addAll(logEntry(revision, children(revisions.values()).getOrDefault(row, List.of()), false));
			}
			else {
				lines.add(currentLine(revision));
			}
		}
		return lines;
	}

	/**
	 * What {@code history} prints: a line per revision, or the full header of each.
	 * @param listed the revisions to list, newest first
	 * @param revisions every revision by id (for {@code Branches into})
	 * @param current the database's revisions, marked {@code (current)}
	 * @param verbose whether to print full headers
	 * @return the lines
	 */
	public static List<String> historyLines(List<RevisionInfo> listed, Map<String, RevisionInfo> revisions,
			Set<String> current, boolean verbose) {
		Map<String, List<String>> children = verbose ? children(revisions.values()) : Map.of();
		List<String> lines = new ArrayList<>();
		for (RevisionInfo revision : listed) {
			boolean isCurrent = current.contains(revision.id());
			if (verbose) {
				lines.addAll(logEntry(revision, children.getOrDefault(revision.id(), List.of()), isCurrent));
			}
			else {
				lines.add(historyLine(revision, isCurrent));
			}
		}
		return lines;
	}

	/**
	 * What {@code show} prints for one revision: its full header.
	 * @param revision the revision
	 * @param revisions every revision by id (for {@code Branches into})
	 * @param current whether the database holds it
	 * @return the lines
	 */
	public static List<String> showLines(RevisionInfo revision, Map<String, RevisionInfo> revisions, boolean current) {
		List<String> children = revision.branchPoint()
				? children(revisions.values()).getOrDefault(revision.id(), List.of()) : List.of();
		return logEntry(revision, children, current);
	}

	/**
	 * What {@code branches} prints: each branch point, then an indented line per revision it branches into, then an
	 * empty line.
	 * @param revisions every revision by id, newest first
	 * @param verbose whether to show the full header of each branch point and the messages of its children
	 * @return the lines
	 */
	public static List<String> branchPoints(Map<String, RevisionInfo> revisions, boolean verbose) {
		Map<String, List<String>> children = children(revisions.values());
		List<String> lines = new ArrayList<>();
		for (RevisionInfo revision : revisions.values()) {
			if (!revision.branchPoint()) {
				continue;
			}
			List<String> next = children.getOrDefault(revision.id(), List.of());
			if (verbose) {
				List<String> entry = logEntry(revision, next, false);
				lines.addAll(entry.subList(0, entry.size() - 1));
			}
			else {
				lines.add(line(revision, true, false, false, true, false));
			}
			String indent = " ".repeat(revision.id().length());
			for (String child : next) {
				lines.add(indent + " -> " + line(revisions.get(child), true, verbose, false, true, false));
			}
			lines.add("");
		}
		return lines;
	}

	/**
	 * @param revisions revisions
	 * @return the revisions by id, in the given order
	 */
	public static Map<String, RevisionInfo> byId(List<RevisionInfo> revisions) {
		Map<String, RevisionInfo> byId = new LinkedHashMap<>();
		revisions.forEach((revision) -> byId.put(revision.id(), revision));
		return byId;
	}

	/**
	 * @param revisions every revision
	 * @return for each id, the ids that revise it, in the given order
	 */
	public static Map<String, List<String>> children(Collection<RevisionInfo> revisions) {
		Map<String, List<String>> children = new LinkedHashMap<>();
		for (RevisionInfo revision : revisions) {
			for (String parent : revision.revises()) {
				children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(revision.id());
			}
		}
		return children;
	}

	/**
	 * @param ids revision ids
	 * @return the ids as a sorted set
	 */
	public static Set<String> sorted(Collection<String> ids) {
		return new TreeSet<>(ids);
	}

}
