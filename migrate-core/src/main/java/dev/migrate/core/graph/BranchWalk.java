package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders a set of revisions newest first, children before parents, the way Alembic's topological walk does, so
 * that {@code history} lists parallel branches, and plans run them, in Alembic's order: start at the lowest-ranked
 * head (file order), follow one branch down for as long as no other pending branch still needs the revision
 * reached, then switch to the first pending branch (in the order they were opened) that does. At a merge point or
 * a dependency every parent becomes a branch of its own, in declared order (parents, then dependencies).
 *
 * <p>Alembic keeps an ancestor set per pending branch and scans all of them for every revision it emits, which is
 * quadratic in the number of branches (a fan of 100,000 heads would take hours). This walk gives the same order in
 * linear time for the shapes projects have: it counts, for each revision, how many pending branches lie above it,
 * moves that count by one for each step down a plain line, and looks for the branch to switch to only when the
 * count says one exists.
 */
final class BranchWalk {

	private final RevisionGraph graph;

	// pending branches (the revision each has reached) as a linked list, in the order Alembic keeps them
	private final int[] next;

	private final int[] previous;

	private final boolean[] pending;

	private int first = -1;

	private int last = -1;

	// for each revision: how many pending branches have it as a proper ancestor
	private final int[] above;

	// depth-first walks mark what they visited with the walk's number, so no walk allocates
	private final int[] visited;

	private int walk;

	private final int[] stack;

	private BranchWalk(RevisionGraph graph, int size) {
		this.graph = graph;
		this.next = new int[size];
		this.previous = new int[size];
		this.pending = new boolean[size];
		this.above = new int[size];
		this.visited = new int[size];
		this.stack = new int[size];
	}

	/**
	 * @param graph the graph
	 * @param members the revisions to order
	 * @param heads where to start (those not in {@code members} are ignored)
	 * @return the members, children before parents; fewer than all members when some cannot be reached from
	 * the heads inside the set (Alembic fails on an assertion there)
	 */
	static int[] order(RevisionGraph graph, boolean[] members, int[] heads) {
		return new BranchWalk(graph, members.length).walk(members, heads);
	}

	private int[] walk(boolean[] members, int[] heads) {
		boolean[] todo = members.clone();
		int remaining = 0;
		for (boolean member : todo) {
			remaining += member ? 1 : 0;
		}
		for (int head : FileOrder.sort(heads, this.graph.rank)) {
			if (todo[head] && !this.pending[head]) {
				append(head);
			}
		}
		int[] output = new int[remaining];
		int count = 0;
		int candidate = this.first;
		while (candidate >= 0) {
			if (this.above[candidate] > 0) {
				// another branch still leads down to the candidate: walk that one first
				candidate = firstBranchAbove(candidate);
				continue;
			}
			if (todo[candidate]) {
				output[count++] = candidate;
				todo[candidate] = false;
			}
			List<Integer> opened = new ArrayList<>();
			for (int parent : this.graph.normalizedDown[candidate]) {
				if (todo[parent] && !this.pending[parent]) {
					opened.add(parent);
				}
			}
			if (opened.isEmpty()) {
				int before = this.previous[candidate];
				remove(candidate);
				candidate = (before >= 0) ? before : this.first;
			}
			else {
				int parent = opened.get(0);
				if (this.graph.allParents[candidate].length == 1) {
					// a plain line: the candidate's proper ancestors are the parent and the parent's, so of the
					// counts only the parent's changes (the branch now stands on it instead of above it)
					replace(candidate, parent, false);
					this.above[parent]--;
				}
				else {
					replace(candidate, parent, true);
				}
				for (int k = 1; k < opened.size(); k++) {
					append(opened.get(k));
				}
				candidate = parent;
			}
		}
		return Arrays.copyOf(output, count);
	}

	private int firstBranchAbove(int candidate) {
		for (int branch = this.first; branch >= 0; branch = this.next[branch]) {
			if (branch != candidate && reaches(branch, candidate)) {
				return branch;
			}
		}
		throw new IllegalStateException("No pending branch above " + this.graph.revisions[candidate].id()
				+ " although one was counted");
	}

	private void append(int revision) {
		this.pending[revision] = true;
		this.previous[revision] = this.last;
		this.next[revision] = -1;
		if (this.last >= 0) {
			this.next[this.last] = revision;
		}
		else {
			this.first = revision;
		}
		this.last = revision;
		countAncestors(revision, 1);
	}

	private void remove(int revision) {
		countAncestors(revision, -1);
		this.pending[revision] = false;
		int before = this.previous[revision];
		int after = this.next[revision];
		if (before >= 0) {
			this.next[before] = after;
		}
		else {
			this.first = after;
		}
		if (after >= 0) {
			this.previous[after] = before;
		}
		else {
			this.last = before;
		}
	}

	// puts the replacement where the revision stood in the list, keeping the list's order
	private void replace(int revision, int replacement, boolean recount) {
		if (recount) {
			countAncestors(revision, -1);
		}
		this.pending[revision] = false;
		this.pending[replacement] = true;
		int before = this.previous[revision];
		int after = this.next[revision];
		this.previous[replacement] = before;
		this.next[replacement] = after;
		if (before >= 0) {
			this.next[before] = replacement;
		}
		else {
			this.first = replacement;
		}
		if (after >= 0) {
			this.previous[after] = replacement;
		}
		else {
			this.last = replacement;
		}
		if (recount) {
			countAncestors(replacement, 1);
		}
	}

	// adds delta to the count of every proper ancestor of the revision (parents and dependencies, transitively)
	private void countAncestors(int revision, int delta) {
		int top = push(revision);
		while (top > 0) {
			int current = this.stack[--top];
			for (int parent : this.graph.allParents[current]) {
				if (this.visited[parent] != this.walk) {
					this.visited[parent] = this.walk;
					this.above[parent] += delta;
					this.stack[top++] = parent;
				}
			}
		}
	}

	// whether the target is a proper ancestor of the revision
	private boolean reaches(int revision, int target) {
		int top = push(revision);
		while (top > 0) {
			int current = this.stack[--top];
			for (int parent : this.graph.allParents[current]) {
				if (parent == target) {
					return true;
				}
				if (this.visited[parent] != this.walk) {
					this.visited[parent] = this.walk;
					this.stack[top++] = parent;
				}
			}
		}
		return false;
	}

	private int push(int revision) {
		this.walk++;
		this.visited[revision] = this.walk;
		this.stack[0] = revision;
		return 1;
	}

}
