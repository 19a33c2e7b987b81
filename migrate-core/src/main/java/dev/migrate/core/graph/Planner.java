package dev.migrate.core.graph;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a target into steps (upgrade, downgrade), rows (stamp) or a list (history) for one graph and one version
 * table. Every traversal uses explicit stacks and runs in time linear in the part of the graph it touches.
 */
final class Planner {

	private final RevisionGraph graph;

	private final VersionState state;

	private final Resolver resolver;

	Planner(RevisionGraph graph, Collection<String> rows) {
		this.graph = graph;
		this.state = (rows != null) ? VersionState.of(graph, rows) : null;
		this.resolver = new Resolver(graph, this.state);
	}

	List<Step> upgrade(Target target) {
		Resolver.Destination destination = this.resolver.upgrade(target);
		int[] order = alembicOrder(postorder(destination.revisions(), this.graph.allParents, this.state.applied),
				destination.revisions(), true);
		RowTimeline timeline = new RowTimeline(this.graph, this.state.rowIndices);
		for (int i : order) {
			for (int parent : this.graph.allParents[i]) {
				if (timeline.isRow(parent)) {
					timeline.remove(parent);
				}
			}
			timeline.add(i);
			timeline.endStep();
		}
		return steps(order, Direction.UPGRADE, timeline);
	}

	List<Step> downgrade(Target target) {
		String text = target.text();
		Resolver.DowngradeDestination destination = this.resolver.downgrade(target);
		boolean[] applied = this.state.applied;
		// children (and dependents) first: a post-order walk up from the roots through applied revisions
		int[] order = alembicOrder(postorder(destination.roots(), this.graph.allChildren, complement(applied)),
				this.state.rowIndices, false);
		int targetIndex = destination.target();
		if (targetIndex >= 0 && order.length == 0 && Arrays.binarySearch(this.state.rowIndices, targetIndex) < 0) {
			// as Alembic: a target that is not a row and has nothing applied above it is not on the way down
			String at = (this.state.rowIndices.length == 0) ? "base" : this.resolver.listed(this.state.rowIndices);
			String id = this.graph.id(targetIndex);
			String state = applied[targetIndex] ? "is applied only as a dependency" : "is not applied";
			throw new RangeNotAncestorException(text, id, at, "Cannot downgrade to '" + text + "': revision '" + id
					+ "' " + state + " (the database is at " + at + "); use 'migrate upgrade " + text
					+ "' to move up");
		}
		// a parent becomes a row again when its last applied child (or dependent) goes
		int[] appliedChildren = new int[applied.length];
		boolean[] counted = new boolean[applied.length];
		for (int i : order) {
			for (int parent : this.graph.allParents[i]) {
				if (!counted[parent]) {
					counted[parent] = true;
					int count = 0;
					for (int child : this.graph.allChildren[parent]) {
						if (applied[child]) {
							count++;
						}
					}
					appliedChildren[parent] = count;
				}
			}
		}
		RowTimeline timeline = new RowTimeline(this.graph, this.state.rowIndices);
		for (int i : order) {
			timeline.remove(i);
			for (int parent : this.graph.allParents[i]) {
				if (--appliedChildren[parent] == 0) {
					timeline.add(parent);
				}
			}
			timeline.endStep();
		}
		return steps(order, Direction.DOWNGRADE, timeline);
	}

	/**
	 * Puts a plan's revisions in the order Alembic runs them: its branch walk from the targets (upgrade, then
	 * reversed) or from the current rows (downgrade); the given order where that walk does not reach them all.
	 */
	private int[] alembicOrder(int[] order, int[] heads, boolean reverse) {
		boolean[] members = new boolean[this.graph.revisions.length];
		for (int i : order) {
			members[i] = true;
		}
		int[] walked = BranchWalk.order(this.graph, members, heads);
		if (walked.length < order.length) {
			return order;
		}
		return reverse ? reversed(walked) : walked;
	}

	private List<Step> steps(int[] order, Direction direction, RowTimeline timeline) {
		Step[] steps = new Step[order.length];
		RowTimeline.Snapshot before = timeline.at(0);
		for (int k = 0; k < order.length; k++) {
			RowTimeline.Snapshot after = timeline.at(k + 1);
			steps[k] = new Step(this.graph.revisions[order[k]], direction, before, after);
			before = after;
		}
		return List.of(steps);
	}

	Set<String> stamp(Target target) {
		if (target.fromCurrent()) {
			// +N / -N move the current branch: the rows an upgrade or downgrade would leave
			List<Step> steps = (target.steps() > 0) ? upgrade(target) : downgrade(target);
			return steps.isEmpty() ? this.state.rows : steps.get(steps.size() - 1).rowsAfter();
		}
		Resolver.Destination destination = this.resolver.destination(target);
		TreeSet<String> rows = new TreeSet<>(this.state.rows);
		if (destination.removeAbove() != null) {
			boolean[] gone = Walks.reach(this.graph.allChildren, destination.removeAbove(), true);
			for (int row : this.state.rowIndices) {
				if (gone[row]) {
					rows.remove(this.graph.id(row));
				}
			}
		}
		int[] targets = destination.revisions();
		if (targets.length > 0) {
			boolean[] related = Walks.reach(this.graph.allParents, targets, true);
			boolean[] descendants = Walks.reach(this.graph.allChildren, targets, true);
			for (int row : this.state.rowIndices) {
				if (related[row] || descendants[row]) {
					rows.remove(this.graph.id(row));
				}
			}
			// a target that is an ancestor of another target is implied by it
			boolean[] implied = Walks.reach(this.graph.allParents, targets, false);
			for (int i : targets) {
				if (!implied[i]) {
					rows.add(this.graph.id(i));
				}
			}
		}
		return Collections.unmodifiableSortedSet(rows);
	}

	/**
	 * The revisions of a history range, newest first, as Alembic's {@code history} walks them: the {@code end}
	 * revisions and their ancestors, down to {@code start} and only what is built on it through {@code Revises},
	 * in Alembic's branch order (see {@link BranchWalk}).
	 */
	int[] history(String range) {
		if (range == null || range.isBlank()) {
			return BranchWalk.order(this.graph, filled(this.graph.revisions.length), this.graph.heads);
		}
		RevisionRange parts = RevisionRange.split(range);
		if (parts == null || parts.end().indexOf(':') >= 0) {
			throw new TargetException(range, "History range '" + range
					+ "' is not valid; use '[start]:[end]', e.g. 'base:head', 'ae10:' or ':head'");
		}
		String lowerText = parts.start();
		Target upperTarget = Target.parse(parts.endOr("heads"));
		int[] upper = this.resolver.destination(upperTarget).revisions();
		this.resolver.requireNoOverlap(upperTarget, upper);
		int[] lower = RevisionGraph.NONE;
		if (!lowerText.isEmpty()) {
			Target target = Target.parse(lowerText);
			if (target.qualifier() != null) {
				// Alembic keeps only the ends that carry the start's branch label
				int q = this.resolver.qualifier(target);
				Set<String> branch = this.graph.labels.containsKey(target.qualifier()) ? Set.of(target.qualifier())
						: this.graph.carriedLabels.get(q);
				upper = Arrays.stream(upper)
					.filter((i) -> this.graph.carriedLabels.get(i).stream().anyMatch(branch::contains))
					.toArray();
			}
			lower = this.resolver.destination(target).revisions();
		}
		boolean[] members = Walks.reach(this.graph.allParents, upper, true);
		for (int i : lower) {
			if (!members[i]) {
				String upperIds = this.graph.joinIds(upper);
				throw new RangeNotAncestorException(range, this.graph.id(i), upperIds,
						"History range '" + range + "' is empty: '" + this.graph.id(i)
								+ "' is not an ancestor of " + (upper.length == 0 ? "base" : "'" + upperIds + "'")
								+ "; swap the ends or use '" + lowerText + ":heads'");
			}
		}
		if (lower.length > 0) {
			boolean[] below = Walks.reach(this.graph.allParents, lower, false);
			boolean[] above = Walks.reach(this.graph.children, lower, true);
			for (int i = 0; i < members.length; i++) {
				members[i] &= !below[i] && above[i];
			}
		}
		int[] walked = BranchWalk.order(this.graph, members, upper);
		int count = 0;
		for (boolean member : members) {
			count += member ? 1 : 0;
		}
		if (walked.length == count) {
			return walked;
		}
		// the range holds revisions the walk from its ends cannot reach (Alembic fails here): list them all,
		// still children before parents
		int[] starts = FileOrder.sort(RevisionGraph.select(members.length, (i) -> members[i]), this.graph.rank);
		return reversed(postorder(starts, this.graph.allParents, complement(members)));
	}

	private static boolean[] filled(int n) {
		boolean[] all = new boolean[n];
		Arrays.fill(all, true);
		return all;
	}

	/**
	 * A depth-first post-order from the starts along the edges, skipping blocked revisions: each revision comes
	 * after everything it reaches, and one start's whole reach comes before the next start's.
	 */
	private int[] postorder(int[] starts, int[][] edges, boolean[] blocked) {
		int n = edges.length;
		byte[] seen = new byte[n];
		int[] output = new int[16];
		int count = 0;
		int[] stack = new int[16];
		int[] cursor = new int[16];
		for (int start : starts) {
			if (seen[start] != 0 || (blocked != null && blocked[start])) {
				continue;
			}
			seen[start] = 1;
			int top = 0;
			stack[0] = start;
			cursor[0] = 0;
			top = 1;
			while (top > 0) {
				int node = stack[top - 1];
				int[] next = edges[node];
				if (cursor[top - 1] < next.length) {
					int candidate = next[cursor[top - 1]++];
					if (seen[candidate] == 0 && (blocked == null || !blocked[candidate])) {
						seen[candidate] = 1;
						if (top == stack.length) {
							stack = Arrays.copyOf(stack, top * 2);
							cursor = Arrays.copyOf(cursor, top * 2);
						}
						stack[top] = candidate;
						cursor[top] = 0;
						top++;
					}
				}
				else {
					top--;
					if (count == output.length) {
						output = Arrays.copyOf(output, count * 2);
					}
					output[count++] = node;
				}
			}
		}
		return Arrays.copyOf(output, count);
	}

	private static boolean[] complement(boolean[] marks) {
		boolean[] result = new boolean[marks.length];
		for (int i = 0; i < marks.length; i++) {
			result[i] = !marks[i];
		}
		return result;
	}

	static int[] reversed(int[] values) {
		int[] result = new int[values.length];
		for (int k = 0; k < values.length; k++) {
			result[k] = values[values.length - 1 - k];
		}
		return result;
	}

}
