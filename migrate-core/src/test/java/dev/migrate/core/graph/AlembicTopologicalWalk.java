package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The test oracle for {@link BranchWalk}: Alembic's topological walk written as Alembic writes it (an ancestor set
 * per pending branch, every set scanned for each candidate), quadratic and plain to check against Alembic's source.
 * {@code BranchWalkTests} holds the fast walk to this one's order.
 *
 * <p>Orders a set of revisions newest first, children before parents, the way Alembic's topological walk does, so
 * that {@code history} lists parallel branches in Alembic's order: start at the lowest-ranked head (file order),
 * follow one branch down for as long as no other pending branch still needs the revision reached, then switch to
 * the branch that does. At a merge point or a dependency every parent becomes a branch of its own, in declared
 * order (parents, then dependencies).
 */
final class AlembicTopologicalWalk {

	private AlembicTopologicalWalk() {
	}

	/**
	 * @param graph the graph
	 * @param members the revisions to order
	 * @param heads where to start (those not in {@code members} are ignored)
	 * @return the members, children before parents; fewer than all members when some cannot be reached from
	 * the heads inside the set (Alembic fails on an assertion there)
	 */
	static int[] order(RevisionGraph graph, boolean[] members, int[] heads) {
		boolean[] todo = members.clone();
		int remaining = 0;
		for (boolean member : todo) {
			remaining += member ? 1 : 0;
		}
		List<Integer> current = new ArrayList<>();
		for (int head : FileOrder.sort(heads, graph.rank)) {
			if (todo[head] && !current.contains(head)) {
				current.add(head);
			}
		}
		List<BitSet> ancestors = new ArrayList<>();
		for (int head : current) {
			ancestors.add(ancestorsOf(graph, head));
		}
		int[] output = new int[remaining];
		int count = 0;
		int candidateIndex = 0;
		while (!current.isEmpty()) {
			int candidate = current.get(candidateIndex);
			int needed = -1;
			for (int k = 0; k < ancestors.size(); k++) {
				if (k != candidateIndex && ancestors.get(k).get(candidate)) {
					needed = k;
					break;
				}
			}
			if (needed >= 0) {
				// another branch still leads down to the candidate: walk that one first
				candidateIndex = needed;
				continue;
			}
			if (todo[candidate]) {
				output[count++] = candidate;
				todo[candidate] = false;
			}
			List<Integer> next = new ArrayList<>();
			for (int parent : graph.normalizedDown[candidate]) {
				if (todo[parent] && !current.contains(parent)) {
					next.add(parent);
				}
			}
			if (next.isEmpty()) {
				current.remove(candidateIndex);
				ancestors.remove(candidateIndex);
				candidateIndex = Math.max(candidateIndex - 1, 0);
			}
			else if (graph.normalizedDown[candidate].length == 1) {
				current.set(candidateIndex, next.get(0));
				ancestors.get(candidateIndex).clear(candidate);
			}
			else {
				current.set(candidateIndex, next.get(0));
				ancestors.set(candidateIndex, ancestorsOf(graph, next.get(0)));
				for (int k = 1; k < next.size(); k++) {
					current.add(next.get(k));
					ancestors.add(ancestorsOf(graph, next.get(k)));
				}
			}
		}
		return Arrays.copyOf(output, count);
	}

	// the revision and everything it revises or depends on, directly or not
	private static BitSet ancestorsOf(RevisionGraph graph, int revision) {
		boolean[] marks = Walks.reach(graph.allParents, new int[] { revision }, true);
		BitSet result = new BitSet(marks.length);
		for (int i = 0; i < marks.length; i++) {
			if (marks[i]) {
				result.set(i);
			}
		}
		return result;
	}

}
