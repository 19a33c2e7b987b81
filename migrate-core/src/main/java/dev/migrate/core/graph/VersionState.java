package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The database's position in the graph: the version rows and every revision they imply as applied.
 */
final class VersionState {

	final java.util.SortedSet<String> rows;

	/** Indices of the rows, ascending (so sorted by id). */
	final int[] rowIndices;

	final boolean[] applied;

	private VersionState(java.util.SortedSet<String> rows, int[] rowIndices, boolean[] applied) {
		this.rows = rows;
		this.rowIndices = rowIndices;
		this.applied = applied;
	}

	/**
	 * @param graph the graph
	 * @param rows the version table's rows
	 * @return the state
	 * @throws VersionRowsException if a row is not in the graph or is an ancestor of another row
	 */
	static VersionState of(RevisionGraph graph, Collection<String> rows) {
		TreeSet<String> distinct = new TreeSet<>(rows);
		List<String> unknown = new ArrayList<>();
		int[] indices = new int[distinct.size()];
		int k = 0;
		for (String row : distinct) {
			int i = graph.index.get(row);
			if (i < 0) {
				unknown.add(row);
			}
			else {
				indices[k++] = i;
			}
		}
		if (!unknown.isEmpty()) {
			throw new VersionRowsException(unknown, "The version table holds " + quoted(unknown) + ", which "
					+ ((unknown.size() == 1) ? "is not a revision" : "are not revisions")
					+ " of the migration scripts; restore the missing scripts, or reset the table with "
					+ "'migrate stamp --purge <target>'");
		}
		Arrays.sort(indices);
		boolean[] isRow = new boolean[graph.revisions.length];
		for (int i : indices) {
			isRow[i] = true;
		}
		// mark everything the rows imply; a row reached from another row means the rows overlap
		boolean[] applied = new boolean[graph.revisions.length];
		int[] stack = new int[Math.max(16, indices.length)];
		int top = 0;
		for (int i : indices) {
			applied[i] = true;
			stack[top++] = i;
		}
		while (top > 0) {
			int node = stack[--top];
			for (int parent : graph.allParents[node]) {
				if (isRow[parent]) {
					throw new VersionRowsException(List.of(graph.id(parent), graph.id(node)),
							"The version table holds both '" + graph.id(parent) + "' and '" + graph.id(node)
									+ "', but '" + graph.id(parent) + "' is an ancestor of '" + graph.id(node)
									+ "'; the table should hold only the current heads: fix it with 'migrate stamp'");
				}
				if (!applied[parent]) {
					applied[parent] = true;
					if (top == stack.length) {
						stack = Arrays.copyOf(stack, stack.length * 2);
					}
					stack[top++] = parent;
				}
			}
		}
		return new VersionState(java.util.Collections.unmodifiableSortedSet(distinct), indices, applied);
	}

	private static String quoted(List<String> ids) {
		StringBuilder sb = new StringBuilder();
		for (int k = 0; k < ids.size(); k++) {
			if (k > 0) {
				sb.append((k == ids.size() - 1) ? " and " : ", ");
			}
			sb.append('\'').append(ids.get(k)).append('\'');
		}
		return sb.toString();
	}

}
