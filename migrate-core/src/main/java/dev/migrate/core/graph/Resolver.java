package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves parsed {@link Target}s against a graph (and, for {@code +N}/{@code -N}, the current version rows).
 * <p>
 * Positions are ints: a revision index, {@link #BASE} (below every revision) or {@link #below(int)} (one step below
 * a given base, as a walk down from that base reaches).
 *
 * <p>Over 400 lines because every form of the target grammar resolves here, each with the error naming its fix.
 */
final class Resolver {

	static final int BASE = -1;

	private final RevisionGraph graph;

	private final VersionState state;

	private int cachedLineageOf = -1;

	private boolean[] cachedLineage;

	Resolver(RevisionGraph graph, VersionState state) {
		this.graph = graph;
		this.state = state;
	}

	static int below(int base) {
		return -2 - base;
	}

	static boolean isBelow(int position) {
		return position <= -2;
	}

	static int belowWhich(int position) {
		return -2 - position;
	}

	/**
	 * What an upgrade or a stamp aims at.
	 *
	 * @param revisions the target revisions (empty for base)
	 * @param removeAbove for stamp: revisions whose descendants (and themselves) leave the table, used for
	 * {@code base}, {@code label@base} and walks below a base; {@code null} when {@code revisions} says it all
	 */
	record Destination(int[] revisions, int[] removeAbove) {
	}

	/**
	 * What a downgrade aims at.
	 *
	 * @param target the revision to stay at, or {@link #BASE} when going below a base
	 * @param roots the revisions to un-apply with all their descendants
	 */
	record DowngradeDestination(int target, int[] roots) {
	}

	int one(Target target) {
		int q = qualifier(target);
		int position;
		if (target.fromCurrent()) {
			int start = currentStart(target, q, target.steps() > 0);
			position = walk(target, start, (target.steps() > 0) ? q : -1);
		}
		else {
			position = symbolOne(target, target.symbol(), q);
			if (target.relative()) {
				position = walk(target, position, (target.steps() > 0) ? q : -1);
			}
		}
		if (position < 0) {
			throw new TargetException(target.text(), "Target '" + target.text()
					+ "' is below every revision (base), not a revision; name a revision, e.g. 'head' or a revision id");
		}
		return position;
	}

	Destination upgrade(Target target) {
		if (target.fromCurrent() && target.steps() < 0) {
			throw new RelativeTargetException(target.text(), "Target '" + target.text()
					+ "' goes down, but upgrade goes up; use 'migrate downgrade " + target.text() + "'");
		}
		Destination destination = destination(target);
		requireNoOverlap(target, destination.revisions());
		if (target.relative() && destination.revisions().length == 0) {
			throw new RelativeTargetException(target.text(), "Target '" + target.text()
					+ "' walks down to base, which is no upgrade target; use 'migrate downgrade " + target.text() + "'");
		}
		return destination;
	}

	/**
	 * Refuses targets of which one is built on another (as {@code label@heads} can name a branch head that a later
	 * head depends on), as Alembic does.
	 */
	void requireNoOverlap(Target target, int[] targets) {
		if (targets.length < 2) {
			return;
		}
		// one walk from all targets answers whether any overlap (a fan of 100,000 heads); the walk per target
		// below, which names the pair, runs only when one does
		boolean[] belowAny = Walks.reach(this.graph.allParents, targets, false);
		if (Arrays.stream(targets).noneMatch((o) -> belowAny[o])) {
			return;
		}
		for (int t : targets) {
			boolean[] below = Walks.reach(this.graph.allParents, new int[] { t }, false);
			int[] overlapping = Arrays.stream(targets).filter((o) -> below[o]).toArray();
			if (overlapping.length > 0) {
				throw new TargetException(target.text(), "Target '" + target.text() + "' names revision '"
						+ this.graph.id(t) + "' and also " + listed(overlapping) + ", which it builds on; "
						+ "name only '" + this.graph.id(t) + "' or use 'heads'");
			}
		}
	}

	Destination destination(Target target) {
		int q = qualifier(target);
		if (!target.relative()) {
			if ("base".equals(target.symbol())) {
				return new Destination(RevisionGraph.NONE, (q < 0) ? this.graph.bases : scope(q));
			}
			return new Destination(symbolAll(target, target.symbol(), q), null);
		}
		int position;
		if (target.fromCurrent()) {
			int start = currentStart(target, q, target.steps() > 0);
			position = walk(target, start, (target.steps() > 0) ? q : -1);
		}
		else {
			position = walk(target, symbolOne(target, target.symbol(), q), (target.steps() > 0) ? q : -1);
		}
		if (position >= 0) {
			return new Destination(new int[] { position }, null);
		}
		return new Destination(RevisionGraph.NONE, isBelow(position) ? new int[] { belowWhich(position) } : null);
	}

	/**
	 * Resolves a downgrade target as Alembic does: {@code rev}, {@code label@rev} (the label does not restrict
	 * {@code rev} here, it only narrows what goes) and {@code [label@]rev-N} name one revision
	 * (the walk goes down through {@code Revises}, and a base walks to {@code base}); {@code -N} walks down from the
	 * one current row (on the label's branch). Everything built on that revision goes, on every branch; only a
	 * qualifier narrows it, and only where the revision has several children: then the children leading to the
	 * qualifier stay candidates. {@code base} and {@code label@base} start from every base (for a label, the bases
	 * below it when there are several).
	 */
	DowngradeDestination downgrade(Target target) {
		int q = qualifier(target);
		int position;
		if (target.fromCurrent()) {
			if (target.steps() > 0) {
				throw new RelativeTargetException(target.text(), "Target '" + target.text()
						+ "' goes up, but downgrade goes down; use 'migrate upgrade " + target.text() + "'");
			}
			int start = currentStart(target, q, false);
			position = walk(target, start, -1);
			if (q < 0) {
				// Alembic narrows a walk from the one current row to that row's branch
				q = start;
			}
		}
		else if (target.relative()) {
			position = walk(target, symbolOne(target, target.symbol(), q), (target.steps() > 0) ? q : -1);
		}
		else {
			// Alembic resolves 'label@rev' without the label here and lets the label only narrow what goes
			position = symbolOne(target, target.symbol(), -1);
		}
		int[] roots = (position >= 0) ? this.graph.children[position] : this.graph.bases;
		if (q >= 0 && roots.length > 1) {
			boolean[] towards = Walks.reach(this.graph.parents, new int[] { q }, true);
			roots = Arrays.stream(roots).filter((i) -> towards[i]).toArray();
			if (roots.length == 0) {
				throw new ResolutionException(target.text(), List.of(), "Target '" + target.text()
						+ "' is not a valid downgrade target: nothing above it leads to '" + target.qualifier()
						+ "'; drop the qualifier or name a revision below it");
			}
		}
		return new DowngradeDestination((position >= 0) ? position : BASE, roots);
	}

	/**
	 * @return the revision index of the qualifier, or -1 when the target has none
	 */
	int qualifier(Target target) {
		String q = target.qualifier();
		if (q == null) {
			return -1;
		}
		Integer i = this.graph.labels.get(q);
		if (i == null && this.graph.index.contains(q)) {
			i = this.graph.index.get(q);
		}
		if (i == null) {
			int[] matches = prefixMatches(q, null);
			if (matches.length > 1) {
				throw ambiguousPrefix(q, matches);
			}
			if (matches.length == 0) {
				String labels = this.graph.labels.isEmpty() ? "the graph has no branch labels"
						: "labels are " + String.join(", ", this.graph.labels.keySet());
				throw new ResolutionException(q, List.of(), "Branch '" + q + "' in target '" + target.text()
						+ "' does not exist: it is neither a branch label nor a revision id (" + labels + ")");
			}
			i = matches[0];
		}
		return i;
	}

	/**
	 * @return every revision the symbol names ({@code heads} may name several, {@code base} none)
	 */
	int[] symbolAll(Target target, String symbol, int q) {
		switch (symbol) {
			case "heads":
				return (q < 0) ? this.graph.heads : leavesOnBranch(q);
			case "head":
				// Alembic's 'head' counts a revision others only depend on (an effective head), 'heads' does not
				int[] heads = (q < 0) ? this.graph.branchHeads : leavesOnBranch(q);
				if (heads.length > 1) {
					throw multipleHeads(target, heads, q);
				}
				return heads;
			case "base":
				return RevisionGraph.NONE;
			case "current":
				if (this.state == null) {
					throw new TargetException(target.text(), "Target '" + target.text()
							+ "' needs the database's current revision; name a revision instead");
				}
				int[] rows = this.state.rowIndices;
				if (q >= 0) {
					boolean[] lineage = lineage(q);
					rows = Arrays.stream(rows).filter((i) -> lineage[i]).toArray();
				}
				return rows;
			default:
				return new int[] { id(target, symbol, q) };
		}
	}

	/**
	 * @return the one position the symbol names: a revision, or {@link #BASE}
	 */
	int symbolOne(Target target, String symbol, int q) {
		if ("base".equals(symbol)) {
			return BASE;
		}
		int[] all = symbolAll(target, symbol, q);
		if (all.length > 1) {
			throw multipleHeads(target, all, q);
		}
		if (all.length == 0) {
			if ("current".equals(symbol)) {
				return BASE;
			}
			throw new TargetException(target.text(), "Target '" + target.text() + "' names no revision: the graph is empty");
		}
		return all[0];
	}

	private int id(Target target, String symbol, int q) {
		Integer i = this.graph.labels.get(symbol);
		if (this.graph.index.contains(symbol)) {
			i = this.graph.index.get(symbol);
		}
		if (i == null) {
			boolean[] lineage = (q >= 0) ? lineage(q) : null;
			int[] matches = prefixMatches(symbol, lineage);
			if (matches.length > 1) {
				throw ambiguousPrefix(symbol, matches);
			}
			if (matches.length == 0) {
				if (q >= 0 && prefixMatches(symbol, null).length > 0) {
					throw notOnBranch(target, symbol, q);
				}
				throw new ResolutionException(symbol, List.of(), "Revision '" + symbol
						+ "' does not exist in the graph; run 'migrate history' to list revisions");
			}
			return matches[0];
		}
		if (q >= 0 && !lineage(q)[i]) {
			throw notOnBranch(target, symbol, q);
		}
		return i;
	}

	private ResolutionException notOnBranch(Target target, String symbol, int q) {
		return new ResolutionException(symbol, List.of(), "Revision '" + symbol + "' in target '" + target.text()
				+ "' is not on branch '" + target.qualifier() + "': it is neither an ancestor nor a descendant of '"
				+ this.graph.id(q) + "'; drop the qualifier or name a revision of that branch");
	}

	private int[] prefixMatches(String prefix, boolean[] lineage) {
		Revision[] revisions = this.graph.revisions;
		int lo = 0;
		int hi = revisions.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (revisions[mid].id().compareTo(prefix) < 0) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		List<Integer> matches = new ArrayList<>();
		for (int i = lo; i < revisions.length && revisions[i].id().startsWith(prefix); i++) {
			if (lineage == null || lineage[i]) {
				matches.add(i);
			}
		}
		return matches.stream().mapToInt(Integer::intValue).toArray();
	}

	private ResolutionException ambiguousPrefix(String prefix, int[] matches) {
		List<String> ids = new ArrayList<>();
		for (int i : matches) {
			ids.add(this.graph.id(i));
		}
		String fix = (prefix.length() < 4) ? "use at least four characters of the id"
				: "use more characters of the id";
		return new ResolutionException(prefix, ids, "Revision prefix '" + prefix + "' is ambiguous: it matches "
				+ matches.length + " revisions (" + listed(matches) + "); " + fix);
	}

	private MultipleHeadsException multipleHeads(Target target, int[] heads, int q) {
		List<String> ids = new ArrayList<>();
		for (int i : heads) {
			ids.add(this.graph.id(i));
		}
		List<String> alternatives = (q >= 0) ? List.of(target.qualifier() + "@heads")
				: List.of("heads", labelNear(heads[0]) + "@head");
		return new MultipleHeadsException(target.text(), ids, "Target '" + target.text() + "' matches " + heads.length
				+ " heads (" + listed(heads) + ")", alternatives);
	}

	// the first branch label found below a head, as an example for messages
	private String labelNear(int head) {
		int current = head;
		int guard = this.graph.revisions.length;
		while (current >= 0 && guard-- >= 0) {
			Revision revision = this.graph.revisions[current];
			if (!revision.branchLabels().isEmpty()) {
				return revision.branchLabels().stream().sorted().findFirst().get();
			}
			int[] parents = this.graph.parents[current];
			current = (parents.length > 0) ? parents[0] : -1;
		}
		return "<label>";
	}

	String listed(int[] indices) {
		StringBuilder sb = new StringBuilder();
		int shown = Math.min(indices.length, 10);
		for (int k = 0; k < shown; k++) {
			if (k > 0) {
				sb.append(", ");
			}
			sb.append(this.graph.id(indices[k]));
		}
		if (shown < indices.length) {
			sb.append(", and ").append(indices.length - shown).append(" more");
		}
		return sb.toString();
	}

	/**
	 * Walks from a position by the target's steps.
	 * @param filterBy when walking up, only children on this revision's lineage count (-1: all)
	 */
	int walk(Target target, int start, int filterBy) {
		int steps = target.steps();
		int position = start;
		if (steps > 0) {
			boolean[] filter = (filterBy >= 0) ? lineage(filterBy) : null;
			for (int done = 0; done < steps; done++) {
				int[] candidates = (position == BASE) ? this.graph.bases : this.graph.children[position];
				if (filter != null) {
					candidates = Arrays.stream(candidates).filter((i) -> filter[i]).toArray();
				}
				if (candidates.length == 0) {
					throw pastHead(target, start, position, done);
				}
				if (candidates.length > 1) {
					String at = (position == BASE) ? "the graph has " + candidates.length + " bases ("
							+ listed(candidates) + ")"
							: "'" + this.graph.id(position) + "' is a branch point with " + candidates.length
									+ " children (" + listed(candidates) + ")";
					String example = this.graph.id(candidates[0]) + "@" + example(target);
					throw new RelativeTargetException(target.text(), "Target '" + target.text() + "' is ambiguous: "
							+ at + "; qualify it with a branch label or revision, e.g. '" + example + "'");
				}
				position = candidates[0];
			}
			return position;
		}
		for (int done = 0; done < -steps; done++) {
			if (position < 0) {
				throw pastBase(target, start, done);
			}
			int[] parents = this.graph.parents[position];
			if (parents.length == 0) {
				position = below(position);
			}
			else if (parents.length > 1) {
				int remaining = -steps - done - 1;
				String example = this.graph.id(parents[0]) + ((remaining > 0) ? "-" + remaining : "");
				throw new RelativeTargetException(target.text(), "Target '" + target.text() + "' is ambiguous: '"
						+ this.graph.id(position) + "' is a merge point of " + parents.length + " revisions ("
						+ listed(parents) + "); walk from one of them instead, e.g. '" + example + "'");
			}
			else {
				position = parents[0];
			}
		}
		return position;
	}

	private String example(Target target) {
		return ((target.symbol() != null) ? target.symbol() : "") + "+" + target.steps();
	}

	private RelativeTargetException pastHead(Target target, int start, int position, int done) {
		if (start == BASE && done == 0) {
			return new RelativeTargetException(target.text(), "Target '" + target.text()
					+ "' goes up from base, but " + (this.graph.revisions.length == 0 ? "the graph has no revisions"
							: "no revision on that branch lies above base"));
		}
		String from = describe(start);
		String message = "Target '" + target.text() + "' goes " + plural(target.steps()) + " up from " + from
				+ ", but " + ((done == 0) ? from + " is a head"
						: "only " + done + " lie" + ((done == 1) ? "s" : "") + " above it, up to head '"
								+ this.graph.id(position) + "'");
		return new RelativeTargetException(target.text(), message);
	}

	private RelativeTargetException pastBase(Target target, int start, int done) {
		String from = describe(start);
		String message = "Target '" + target.text() + "' goes " + plural(-target.steps()) + " down from " + from
				+ ", but " + ((done == 0) ? "nothing lies below base"
						: "only " + done + " lie" + ((done == 1) ? "s" : "") + " below it, down to base");
		return new RelativeTargetException(target.text(), message);
	}

	private String describe(int position) {
		return (position >= 0) ? "'" + this.graph.id(position) + "'" : "base";
	}

	private static String plural(int count) {
		return count + ((count == 1) ? " revision" : " revisions");
	}

	/**
	 * The revision to walk from for {@code +N}/{@code -N}: the one current row (on the qualifier's branch).
	 */
	int currentStart(Target target, int q, boolean up) {
		if (this.state == null) {
			throw new TargetException(target.text(), "Target '" + target.text()
					+ "' is relative to the database's current revision; name a revision instead, e.g. 'head-1'");
		}
		int[] candidates = this.state.rowIndices;
		if (q >= 0) {
			boolean[] lineage = lineage(q);
			candidates = Arrays.stream(candidates).filter((i) -> lineage[i]).toArray();
			if (candidates.length == 0) {
				// nothing of the branch is a row: start from the branch's highest applied revisions
				boolean[] applied = this.state.applied;
				// going up: the branch's highest applied revisions; going down (as Alembic): applied revisions
				// with no applied child at all, that is revisions applied only as dependencies
				candidates = RevisionGraph.select(applied.length, (i) -> applied[i] && lineage[i]
						&& Arrays.stream(this.graph.children[i]).noneMatch((c) -> applied[c] && (lineage[c] || !up)));
				if (candidates.length == 0 && !up) {
					throw new RelativeTargetException(target.text(), "Target '" + target.text()
							+ "' goes down branch '" + target.qualifier() + "', but nothing on that branch is applied");
				}
			}
		}
		if (candidates.length > 1) {
			String example = this.graph.id(candidates[0]) + "@" + target.steps() + "";
			if (target.steps() > 0) {
				example = this.graph.id(candidates[0]) + "@+" + target.steps();
			}
			throw new RelativeTargetException(target.text(), "Target '" + target.text()
					+ "' is ambiguous: the database is at " + candidates.length + " heads (" + listed(candidates)
					+ "); qualify it with a branch label or revision, e.g. '" + example + "'");
		}
		if (candidates.length == 0) {
			if (!up) {
				throw new RelativeTargetException(target.text(), "Target '" + target.text() + "' goes "
						+ plural(-target.steps()) + " down, but the database is at base (no version rows)");
			}
			return BASE;
		}
		return candidates[0];
	}

	/**
	 * @return marks of the revision, its ancestors and its descendants, following {@code Revises} only
	 */
	boolean[] lineage(int revision) {
		if (revision != this.cachedLineageOf) {
			int[] start = { revision };
			boolean[] marks = Walks.reach(this.graph.parents, start, true);
			boolean[] down = Walks.reach(this.graph.children, start, true);
			for (int i = 0; i < marks.length; i++) {
				marks[i] |= down[i];
			}
			this.cachedLineage = marks;
			this.cachedLineageOf = revision;
		}
		return this.cachedLineage;
	}

	/**
	 * The branch a label (or revision) names, as Alembic spreads a label: the revision, its descendants
	 * ({@code Revises} only), and its ancestors down to the nearest branch point or merge point.
	 */
	int[] scope(int revision) {
		boolean[] marks = Walks.reach(this.graph.children, new int[] { revision }, true);
		int current = revision;
		while (current >= 0 && this.graph.parents[current].length <= 1 && this.graph.allChildren[current].length <= 1) {
			marks[current] = true;
			int[] parents = this.graph.parents[current];
			current = (parents.length == 1) ? parents[0] : -1;
		}
		return RevisionGraph.select(marks.length, (i) -> marks[i]);
	}

	private int[] leavesOnBranch(int q) {
		boolean[] lineage = lineage(q);
		return RevisionGraph.select(lineage.length, (i) -> lineage[i] && this.graph.children[i].length == 0);
	}

}
