package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spreads branch labels over the revisions they name, as Alembic does: a label goes to the revision declaring it
 * and to all its descendants through {@code Revises}; when those descendants form one unbroken line, it also goes
 * down from the revision to its ancestors, stopping before a revision that two or more revisions revise or depend
 * on, and at a merge point. Labelled revisions are handled in file order, so a label spread onto another labelled
 * revision travels on with that revision's own.
 */
final class LabelSpread {

	private LabelSpread() {
	}

	static List<Set<String>> of(RevisionGraph graph) {
		int n = graph.revisions.length;
		List<TreeSet<String>> labels = new ArrayList<>(n);
		for (Revision revision : graph.revisions) {
			labels.add(new TreeSet<>(revision.branchLabels()));
		}
		int[] labelled = FileOrder.sort(
				RevisionGraph.select(n, (i) -> !graph.revisions[i].branchLabels().isEmpty()), graph.rank);
		for (int revision : labelled) {
			Set<String> spread = new TreeSet<>(labels.get(revision));
			boolean[] descendants = Walks.reach(graph.children, new int[] { revision }, true);
			for (int i = 0; i < n; i++) {
				if (descendants[i]) {
					labels.get(i).addAll(spread);
				}
			}
			int top = revision;
			while (graph.children[top].length == 1) {
				top = graph.children[top][0];
			}
			if (graph.children[top].length > 1) {
				continue;
			}
			int current = top;
			while (graph.allChildren[current].length <= 1 && graph.parents[current].length <= 1) {
				labels.get(current).addAll(spread);
				if (graph.parents[current].length == 0) {
					break;
				}
				current = graph.parents[current][0];
			}
		}
		List<Set<String>> result = new ArrayList<>(n);
		for (TreeSet<String> set : labels) {
			result.add(Collections.unmodifiableSortedSet(set));
		}
		return Collections.unmodifiableList(result);
	}

}
