package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.RevisionFormat;

/**
 * Writes the revision graph as a Graphviz {@code dot} or a Mermaid flowchart, base at the top and arrows in
 * the upgrade direction; dependencies are dashed, heads are bold.
 */
final class DiagramRenderer {

	private DiagramRenderer() {
	}

	/**
	 * @param revisions every revision, newest first
	 * @param current the ids the database holds, or empty
	 * @return the Graphviz source
	 */
	static List<String> dot(List<RevisionInfo> revisions, Set<String> current) {
		List<String> lines = new ArrayList<>();
		lines.add("digraph revisions {");
		lines.add("  node [shape=box, fontname=\"monospace\"];");
		for (RevisionInfo revision : revisions) {
			String label = escapeDot(title(revision, current)) + "\\n" + escapeDot(revision.message());
			lines.add("  \"" + revision.id() + "\" [label=\"" + label + "\""
					+ (revision.head() ? ", style=bold" : "") + "];");
		}
		for (RevisionInfo revision : revisions) {
			for (String parent : revision.revises()) {
				lines.add("  \"" + parent + "\" -> \"" + revision.id() + "\";");
			}
			for (String dependency : revision.dependsOn()) {
				lines.add("  \"" + dependency + "\" -> \"" + revision.id() + "\" [style=dashed];");
			}
		}
		lines.add("}");
		return lines;
	}

	/**
	 * @param revisions every revision, newest first
	 * @param current the ids the database holds, or empty
	 * @return the Mermaid source
	 */
	static List<String> mermaid(List<RevisionInfo> revisions, Set<String> current) {
		List<String> lines = new ArrayList<>();
		lines.add("flowchart TD");
		for (RevisionInfo revision : revisions) {
			String label = title(revision, current) + "<br/>" + revision.message();
			String node = "  " + node(revision.id()) + "[\"" + label.replace("\"", "#quot;") + "\"]";
			lines.add(revision.head() ? node + ":::head" : node);
		}
		for (RevisionInfo revision : revisions) {
			for (String parent : revision.revises()) {
				lines.add("  " + node(parent) + " --> " + node(revision.id()));
			}
			for (String dependency : revision.dependsOn()) {
				lines.add("  " + node(dependency) + " -.-> " + node(revision.id()));
			}
		}
		lines.add("  classDef head font-weight:bold");
		return lines;
	}

	private static String title(RevisionInfo revision, Set<String> current) {
		return RevisionFormat.line(revision, true, false, false, true, current.contains(revision.id()));
	}

	// Mermaid ids must not collide with keywords such as "end".
	private static String node(String id) {
		return "r_" + id;
	}

	private static String escapeDot(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
