package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The immutable revision graph: revisions linked by what they revise and what they depend on, validated as a whole
 * when it is built, and the questions every command puts to it (heads, history, targets, plans).
 * <p>
 * <b>Terms.</b> A revision's <em>parents</em> are the revisions it revises; its <em>dependencies</em> those it
 * depends on. Ancestors and descendants follow both. A <em>head</em> is a revision nothing revises or depends on
 * (Alembic's "real" head): upgrading the heads applies everything, and after that the version table holds exactly
 * the heads. A revision that only others depend on is therefore not a head, so a library branch that an application
 * branch depends on does not make {@code head} ambiguous (Alembic counts it as a head for {@code head} but not for
 * {@code heads}; we use one definition for both). A <em>base</em> revises nothing (it may depend on something);
 * a <em>branch point</em> is revised by two or more revisions, a <em>merge point</em> revises two or more.
 * <p>
 * <b>Version table.</b> The rows are the applied revisions that no other applied revision revises or depends on;
 * the applied revisions are the rows and all their ancestors. See {@link Step} for how each step changes the rows.
 * <p>
 * <b>Targets.</b> {@code [qualifier@]core}, where the qualifier is a branch label or a revision id (or prefix) and
 * names a branch: the revision and its descendants and ancestors. The core is one of
 * <ul>
 * <li>{@code heads}: every head (with a qualifier: the heads on that branch, revisions no revision revises);</li>
 * <li>{@code head}: the one head, or {@link MultipleHeadsException};</li>
 * <li>{@code base}: below every revision (with a qualifier: below the branch, see {@link #plan});</li>
 * <li>a full revision id, a branch label (the revision that declares it), or an id prefix that matches one
 * revision (on the branch, when qualified), else {@link ResolutionException};</li>
 * <li>{@code X+N} / {@code X-N}, where {@code X} is any of the above but {@code heads}: walk N revisions up
 * (children) or down (parents) from {@code X}; one step down from a base reaches {@code base}. A walk that meets a
 * branch point going up (outside the qualifier's branch) or a merge point going down is ambiguous, and one that runs
 * past a head or past base fails: {@link RelativeTargetException}, never a silent clamp;</li>
 * <li>{@code +N} / {@code -N}: relative to the current version rows (upgrade and stamp go up, downgrade and stamp
 * go down). With several rows, qualify it: {@code billing@+1}.</li>
 * </ul>
 * Keywords are matched before ids and labels, so no label may be {@code head}, {@code heads}, {@code base} or
 * {@code current}.
 * <p>
 * Everything here is iterative: a chain of 100,000 revisions is as safe as one of ten. Planning is linear in the
 * size of the graph.
 */
public final class RevisionGraph {

	/** The target keywords, which no revision id or branch label may be, in the order messages list them. */
	public static final List<String> TARGET_KEYWORDS = List.of("head", "heads", "base", "current");

	static final Set<String> KEYWORDS = Set.copyOf(TARGET_KEYWORDS);

	static final int[] NONE = new int[0];

	/** Revisions sorted by id; every int below is an index into this array. */
	final Revision[] revisions;

	final IdIndex index;

	/** Branch label to the index of the revision declaring it, sorted by label. */
	final Map<String, Integer> labels;

	final int[][] parents;

	final int[][] allParents;

	final int[][] children;

	final int[][] allChildren;

	final int[] heads;

	final int[] bases;

	/** Each revision's place in file order (Alembic's revision map order: file name, then id). */
	final int[] rank;

	/** Branch heads (revisions nothing revises, Alembic's {@code heads}), in file order. */
	final int[] branchHeads;

	/** Parents, then the dependencies no ancestor already depends on (Alembic's normalized down revisions). */
	final int[][] normalizedDown;

	/** The branch labels each revision carries, declared or spread from a labelled revision (sorted). */
	final List<Set<String>> carriedLabels;

	private final List<Revision> revisionList;

	private RevisionGraph(Revision[] revisions, IdIndex index, Map<String, Integer> labels,
			int[][] parents, int[][] allParents) {
		this.revisions = revisions;
		this.index = index;
		this.labels = labels;
		this.parents = parents;
		this.allParents = allParents;
		int n = revisions.length;
		this.children = invert(parents, n);
		this.allChildren = invert(allParents, n);
		this.revisionList = Collections.unmodifiableList(Arrays.asList(revisions));
		this.heads = select(n, (i) -> this.allChildren[i].length == 0);
		this.bases = select(n, (i) -> this.parents[i].length == 0);
		this.rank = FileOrder.ranks(revisions);
		this.branchHeads = FileOrder.sort(select(n, (i) -> this.children[i].length == 0), this.rank);
		this.normalizedDown = normalize(parents, allParents);
		this.carriedLabels = LabelSpread.of(this);
	}

	// drops a dependency that a strict ancestor (through Revises) already depends on, as Alembic does
	private static int[][] normalize(int[][] parents, int[][] allParents) {
		int[][] result = new int[parents.length][];
		for (int i = 0; i < parents.length; i++) {
			if (allParents[i].length == parents[i].length) {
				result[i] = parents[i];
				continue;
			}
			boolean[] ancestors = Walks.reach(parents, new int[] { i }, false);
			java.util.Set<Integer> inherited = new java.util.HashSet<>();
			for (int a = 0; a < ancestors.length; a++) {
				if (ancestors[a]) {
					for (int k = parents[a].length; k < allParents[a].length; k++) {
						inherited.add(allParents[a][k]);
					}
				}
			}
			int[] kept = new int[allParents[i].length];
			int count = 0;
			for (int k = 0; k < allParents[i].length; k++) {
				if (k < parents[i].length || !inherited.contains(allParents[i][k])) {
					kept[count++] = allParents[i][k];
				}
			}
			result[i] = Arrays.copyOf(kept, count);
		}
		return result;
	}

	/**
	 * Builds the graph and checks it as a whole: no two revisions share an id, every {@code Revises} and
	 * {@code Depends On} id exists (a {@code Depends On} entry may also name a branch label), no branch label is
	 * declared twice or equals a revision id or a keyword, and nothing revises or depends on itself through a cycle.
	 * @param revisions the revisions, in any order
	 * @return the graph
	 * @throws DuplicateRevisionException if two revisions share an id
	 * @throws MissingRevisionException if a revision revises or depends on an id that does not exist
	 * @throws DuplicateBranchLabelException if two revisions declare the same label
	 * @throws BranchLabelConflictException if a label equals a revision id or a keyword
	 * @throws CycleDetectedException if revisions revise or depend on each other in a circle
	 */
	public static RevisionGraph of(Collection<Revision> revisions) {
		Objects.requireNonNull(revisions, "revisions");
		Revision[] sorted = revisions.toArray(new Revision[0]);
		// stable: of two revisions with one id, the first given comes first
		Arrays.sort(sorted, Comparator.comparing(Revision::id));
		int n = sorted.length;
		String[] ids = new String[n];
		for (int i = 0; i < n; i++) {
			if (i > 0 && sorted[i].id().equals(sorted[i - 1].id())) {
				throw new DuplicateRevisionException(sorted[i].id(), sorted[i - 1].source(), sorted[i].source());
			}
			ids[i] = sorted[i].id();
		}
		IdIndex index = new IdIndex(ids);
		Map<String, Revision> labelOwners = new TreeMap<>();
		for (Revision revision : revisions) {
			if (revision.branchLabels().isEmpty()) {
				continue;
			}
			for (String label : new TreeSet<>(revision.branchLabels())) {
				if (KEYWORDS.contains(label)) {
					throw new BranchLabelConflictException(label, revision.id(), revision.source(), null);
				}
				int sameId = index.get(label);
				if (sameId >= 0) {
					throw new BranchLabelConflictException(label, revision.id(), revision.source(),
							sorted[sameId].source());
				}
				Revision owner = labelOwners.putIfAbsent(label, revision);
				if (owner != null) {
					throw new DuplicateBranchLabelException(label, owner.id(), owner.source(), revision.id(),
							revision.source());
				}
			}
		}
		// check references in the caller's order, so the first broken file is the one reported
		for (Revision revision : revisions) {
			for (String parent : revision.revises()) {
				if (!index.contains(parent)) {
					throw new MissingRevisionException(revision.id(), revision.source(), parent, "Revises");
				}
			}
			for (String dependency : revision.dependsOn()) {
				if (!index.contains(dependency) && !labelOwners.containsKey(dependency)) {
					throw new MissingRevisionException(revision.id(), revision.source(), dependency, "Depends On");
				}
				if (labelOwners.get(dependency) == revision) {
					throw new CycleDetectedException(List.of(revision.id()), true, "Revisions form a cycle: '"
							+ revision.id() + "' (" + revision.source() + ") depends on '" + dependency
							+ "', its own branch label; fix its " + Fixes.header(revision.source(), "Depends On"));
				}
			}
		}
		Map<String, Integer> labels = new TreeMap<>();
		labelOwners.forEach((label, owner) -> labels.put(label, index.get(owner.id())));
		int[][] parents = new int[n][];
		int[][] allParents = new int[n][];
		int[] buffer = new int[8];
		for (int i = 0; i < n; i++) {
			Revision revision = sorted[i];
			List<String> revises = revision.revises();
			List<String> dependsOn = revision.dependsOn();
			int width = revises.size() + dependsOn.size();
			if (buffer.length < width) {
				buffer = new int[width * 2];
			}
			int count = 0;
			for (String parent : revises) {
				count = addDistinct(buffer, count, index.get(parent));
			}
			parents[i] = (count == 0) ? NONE : Arrays.copyOf(buffer, count);
			boolean relabelled = false;
			for (String dependency : dependsOn) {
				int target = index.get(dependency);
				if (target < 0) {
					target = labels.get(dependency);
					relabelled = true;
				}
				count = addDistinct(buffer, count, target);
			}
			allParents[i] = (count == parents[i].length) ? parents[i] : Arrays.copyOf(buffer, count);
			if (relabelled) {
				// a Depends On entry that names a branch label means the revision declaring it
				List<String> resolved = dependsOn.stream()
					.map((d) -> index.contains(d) ? d : sorted[labels.get(d)].id())
					.distinct()
					.toList();
				sorted[i] = new Revision(revision.id(), revision.revises(), revision.branchLabels(), resolved,
						revision.message(), revision.createDate(), revision.source());
			}
		}
		RevisionGraph graph = new RevisionGraph(sorted, index, Collections.unmodifiableMap(labels), parents,
				allParents);
		CycleDetectedException cycle = graph.findCycle(graph.allParents, graph.allChildren, true);
		if (cycle != null) {
			// name a cycle of Revises edges alone if there is one
			CycleDetectedException revisesCycle = graph.findCycle(graph.parents, graph.children, false);
			throw (revisesCycle != null) ? revisesCycle : cycle;
		}
		return graph;
	}

	private static int addDistinct(int[] buffer, int count, int value) {
		for (int k = 0; k < count; k++) {
			if (buffer[k] == value) {
				return count;
			}
		}
		buffer[count] = value;
		return count + 1;
	}

	/**
	 * @param id a full revision id
	 * @return the revision, if the graph has it
	 */
	public Optional<Revision> get(String id) {
		int i = this.index.get(id);
		return (i >= 0) ? Optional.of(this.revisions[i]) : Optional.empty();
	}

	/**
	 * @return every revision, sorted by id
	 */
	public Collection<Revision> revisions() {
		return this.revisionList;
	}

	/**
	 * @return the number of revisions
	 */
	public int size() {
		return this.revisions.length;
	}

	/**
	 * @return the heads (revisions nothing revises or depends on), sorted by id
	 */
	public List<Revision> heads() {
		return list(this.heads);
	}

	/**
	 * The heads as Alembic's {@code heads} command lists them: every revision no revision revises, in file order
	 * (file name, then id). Besides the {@link #heads() heads} this holds the <em>effective heads</em>: revisions
	 * that others only depend on. {@code head} resolves among these, so an effective head makes it ambiguous.
	 * @return the branch heads, in file order
	 */
	public List<Revision> branchHeads() {
		return list(this.branchHeads);
	}

	/**
	 * @param id a full revision id
	 * @return whether no revision revises the revision, but some depend on it (Alembic's "effective head")
	 * @throws ResolutionException if the graph has no such revision
	 */
	public boolean isEffectiveHead(String id) {
		int i = require(id);
		return this.children[i].length == 0 && this.allChildren[i].length > 0;
	}

	/**
	 * The branch labels a revision carries, as Alembic shows them: its own, plus those of a labelled ancestor
	 * (a label spreads to every descendant through {@code Revises}) and of a labelled descendant whose branch runs
	 * down to it without a branch point or merge point in between.
	 * @param id a full revision id
	 * @return the labels, sorted
	 * @throws ResolutionException if the graph has no such revision
	 */
	public Set<String> branchLabels(String id) {
		return this.carriedLabels.get(require(id));
	}

	/**
	 * @return the bases (revisions that revise nothing), sorted by id
	 */
	public List<Revision> bases() {
		return list(this.bases);
	}

	/**
	 * @return the branch points (revisions that two or more revisions revise), sorted by id
	 */
	public List<Revision> branchPoints() {
		return list(select(this.revisions.length, (i) -> this.children[i].length > 1));
	}

	/**
	 * @return the merge points (revisions that revise two or more revisions), sorted by id
	 */
	public List<Revision> mergePoints() {
		return list(select(this.revisions.length, (i) -> this.parents[i].length > 1));
	}

	/**
	 * @return every branch label and the id of the revision declaring it, sorted by label
	 */
	public Map<String, String> branchLabels() {
		Map<String, String> result = new TreeMap<>();
		this.labels.forEach((label, i) -> result.put(label, this.revisions[i].id()));
		return Collections.unmodifiableMap(result);
	}

	/**
	 * @param id a full revision id
	 * @return whether nothing revises or depends on the revision
	 * @throws ResolutionException if the graph has no such revision
	 */
	public boolean isHead(String id) {
		return this.allChildren[require(id)].length == 0;
	}

	/**
	 * @param id a full revision id
	 * @return whether the revision revises nothing
	 * @throws ResolutionException if the graph has no such revision
	 */
	public boolean isBase(String id) {
		return this.parents[require(id)].length == 0;
	}

	/**
	 * @param id a full revision id
	 * @return whether two or more revisions revise the revision
	 * @throws ResolutionException if the graph has no such revision
	 */
	public boolean isBranchPoint(String id) {
		return this.children[require(id)].length > 1;
	}

	/**
	 * @param id a full revision id
	 * @return whether the revision revises two or more revisions
	 * @throws ResolutionException if the graph has no such revision
	 */
	public boolean isMergePoint(String id) {
		return this.parents[require(id)].length > 1;
	}

	/**
	 * @param id a full revision id
	 * @return the ids of the revisions the revision revises or depends on, directly or not, sorted
	 * @throws ResolutionException if the graph has no such revision
	 */
	public Set<String> ancestors(String id) {
		return ids(Walks.reach(this.allParents, new int[] { require(id) }, false));
	}

	/**
	 * @param id a full revision id
	 * @return the ids of the revisions that revise or depend on the revision, directly or not, sorted
	 * @throws ResolutionException if the graph has no such revision
	 */
	public Set<String> descendants(String id) {
		return ids(Walks.reach(this.allChildren, new int[] { require(id) }, false));
	}

	/**
	 * The revisions of a range, newest first, as {@code alembic history} lists them: children before parents, one
	 * branch at a time.
	 * @param range {@code start:end}, either side optional ({@code start} defaults to {@code base}, {@code end} to
	 * {@code heads}); {@code null} or empty for the whole graph. Both ends take any target but the current-relative
	 * {@code +N}/{@code -N} (see {@link #history(String, Collection)}). The range holds {@code end} and its ancestors
	 * that are {@code start} or built on {@code start}.
	 * @return the revisions in the range, newest first
	 * @throws TargetException if an end does not resolve, or {@code start} is not an ancestor of {@code end}
	 */
	public List<Revision> history(String range) {
		return history(range, null);
	}

	/**
	 * Like {@link #history(String)}, with the current version rows for {@code +N}/{@code -N} ends.
	 * @param range the range, see {@link #history(String)}
	 * @param currentVersionRows the version table's rows, or {@code null} if unknown
	 * @return the revisions in the range, newest first
	 * @throws TargetException if an end does not resolve, or {@code start} is not an ancestor of {@code end}
	 */
	public List<Revision> history(String range, Collection<String> currentVersionRows) {
		return list(new Planner(this, currentVersionRows).history(range));
	}

	/**
	 * Resolves a target that names one revision, for {@code show}: an id, a unique prefix, a label, {@code head},
	 * {@code label@head}, {@code label@rev}, or a walk such as {@code head-2} or {@code ae10+1}.
	 * @param target the target
	 * @return the revision
	 * @throws TargetException if the target names no revision ({@code base}), several, or none that exists
	 */
	public Revision resolveOne(String target) {
		return resolveOne(Target.parse(target));
	}

	/**
	 * Like {@link #resolveOne(String)}, for a parsed target.
	 * @param target the target
	 * @return the revision
	 * @throws TargetException if the target names no revision ({@code base}), several, or none that exists
	 */
	public Revision resolveOne(Target target) {
		int i = new Resolver(this, null).one(target);
		return this.revisions[i];
	}

	/**
	 * Plans an upgrade or a downgrade.
	 * <p>
	 * <b>Upgrade</b> to a target applies the target revisions and everything they revise or depend on that is not
	 * applied yet, parents and dependencies first (a depth-first walk from the targets, one branch at a time, parents
	 * in declared order, then dependencies). A target that is already applied needs no step, so upgrading to an
	 * ancestor of the current state is an empty plan, as in Alembic.
	 * <p>
	 * <b>Downgrade</b> to revision {@code T} un-applies everything applied above {@code T}: the revisions that revise
	 * {@code T} and all their descendants, including revisions that merely depend on them, children and dependents
	 * first. A revision that only depends on {@code T} stays, since {@code T} stays. {@code T} must be applied
	 * ({@link RangeNotAncestorException} otherwise). With a qualifier ({@code billing@T}), only the revisions above
	 * {@code T} on that branch go. {@code base} un-applies everything; {@code billing@base} un-applies the branch:
	 * the labelled revision, its descendants, and its ancestors down to the nearest branch or merge point (Alembic
	 * would take the whole tree below the label back to base). For walks ({@code -N}, {@code X-N}) only the
	 * branch walked along is taken down, not its siblings.
	 * @param currentVersionRows the version table's rows (empty at base)
	 * @param target the target
	 * @param direction which way to go
	 * @return the steps in order, each with the whole version table before and after it
	 * @throws TargetException if the target does not resolve or does not fit the direction
	 * @throws VersionRowsException if a row is not a revision of the graph, or is an ancestor of another row
	 */
	public List<Step> plan(Collection<String> currentVersionRows, String target, Direction direction) {
		return plan(currentVersionRows, Target.parse(target), direction);
	}

	/**
	 * Like {@link #plan(Collection, String, Direction)}, for a parsed target.
	 * @param currentVersionRows the version table's rows (empty at base)
	 * @param target the target
	 * @param direction which way to go
	 * @return the steps in order, each with the whole version table before and after it
	 * @throws TargetException if the target does not resolve or does not fit the direction
	 * @throws VersionRowsException if a row is not a revision of the graph, or is an ancestor of another row
	 */
	public List<Step> plan(Collection<String> currentVersionRows, Target target, Direction direction) {
		Objects.requireNonNull(currentVersionRows, "currentVersionRows");
		Objects.requireNonNull(direction, "direction");
		Planner planner = new Planner(this, currentVersionRows);
		return (direction == Direction.UPGRADE) ? planner.upgrade(target) : planner.downgrade(target);
	}

	/**
	 * The version rows after {@code stamp target}: every current row on the target's lineage (an ancestor or a
	 * descendant of a target revision) is replaced by the target; rows on unrelated branches stay. {@code base}
	 * empties the table; {@code billing@base} removes the rows on that branch (and rows that depend on it).
	 * {@code +N} and {@code -N} move from the current rows: the result is the rows the same upgrade or downgrade
	 * would leave, so {@code stamp billing@-1} moves only that branch.
	 * @param currentVersionRows the version table's rows (empty at base)
	 * @param target the target
	 * @return the rows after the stamp, sorted
	 * @throws TargetException if the target does not resolve
	 * @throws VersionRowsException if a row is not a revision of the graph, or is an ancestor of another row
	 */
	public Set<String> stampRows(Collection<String> currentVersionRows, String target) {
		return stampRows(currentVersionRows, Target.parse(target));
	}

	/**
	 * Like {@link #stampRows(Collection, String)}, for a parsed target.
	 * @param currentVersionRows the version table's rows (empty at base)
	 * @param target the target
	 * @return the rows after the stamp, sorted
	 * @throws TargetException if the target does not resolve
	 * @throws VersionRowsException if a row is not a revision of the graph, or is an ancestor of another row
	 */
	public Set<String> stampRows(Collection<String> currentVersionRows, Target target) {
		Objects.requireNonNull(currentVersionRows, "currentVersionRows");
		return new Planner(this, currentVersionRows).stamp(target);
	}

	/**
	 * @param random the source of randomness
	 * @return a new revision id: 12 lowercase hex digits, neither an id nor a label of this graph
	 */
	public String newRevisionId(RandomGenerator random) {
		while (true) {
			String id = String.format("%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
			if (!this.index.contains(id) && !this.labels.containsKey(id)) {
				return id;
			}
		}
	}

	/**
	 * The one-line form {@code alembic history} prints: parents, id, marks and message, e.g.
	 * {@code ae10, 9b2e -> 3c1f (head) (mergepoint), merge billing}; a base shows {@code <base>}.
	 * @param revision a revision of this graph
	 * @return the line
	 */
	public String describe(Revision revision) {
		int i = require(revision.id());
		StringBuilder line = new StringBuilder();
		line.append(this.parents[i].length == 0 ? "<base>" : String.join(", ", revision.revises()));
		line.append(" -> ").append(revision.id());
		if (this.allChildren[i].length == 0) {
			line.append(" (head)");
		}
		if (this.children[i].length > 1) {
			line.append(" (branchpoint)");
		}
		if (this.parents[i].length > 1) {
			line.append(" (mergepoint)");
		}
		if (!revision.message().isEmpty()) {
			line.append(", ").append(revision.message());
		}
		return line.toString();
	}

	int require(String id) {
		int i = this.index.get(id);
		if (i < 0) {
			throw new ResolutionException(id, List.of(), "Revision '" + id + "' does not exist in the graph; "
					+ "run 'migrate history' to list revisions");
		}
		return i;
	}

	String id(int i) {
		return this.revisions[i].id();
	}

	List<Revision> list(int[] indices) {
		List<Revision> result = new ArrayList<>(indices.length);
		for (int i : indices) {
			result.add(this.revisions[i]);
		}
		return Collections.unmodifiableList(result);
	}

	Set<String> ids(boolean[] marks) {
		TreeSet<String> result = new TreeSet<>();
		for (int i = 0; i < marks.length; i++) {
			if (marks[i]) {
				result.add(this.revisions[i].id());
			}
		}
		return Collections.unmodifiableSortedSet(result);
	}

	String joinIds(int[] indices) {
		StringBuilder sb = new StringBuilder();
		for (int k = 0; k < indices.length; k++) {
			if (k > 0) {
				sb.append(", ");
			}
			sb.append(this.revisions[indices[k]].id());
		}
		return sb.toString();
	}

	private CycleDetectedException findCycle(int[][] up, int[][] down, boolean throughDependencies) {
		int n = this.revisions.length;
		int[] pending = new int[n];
		int[] queue = new int[n];
		int tail = 0;
		for (int i = 0; i < n; i++) {
			pending[i] = up[i].length;
			if (pending[i] == 0) {
				queue[tail++] = i;
			}
		}
		for (int head = 0; head < tail; head++) {
			for (int child : down[queue[head]]) {
				if (--pending[child] == 0) {
					queue[tail++] = child;
				}
			}
		}
		if (tail == n) {
			return null;
		}
		// every revision left over has a parent left over: follow them until one repeats
		int start = 0;
		while (pending[start] == 0) {
			start++;
		}
		int[] position = new int[n];
		Arrays.fill(position, -1);
		List<Integer> path = new ArrayList<>();
		int current = start;
		while (position[current] < 0) {
			position[current] = path.size();
			path.add(current);
			for (int parent : up[current]) {
				if (pending[parent] > 0) {
					current = parent;
					break;
				}
			}
		}
		List<Integer> cycle = path.subList(position[current], path.size());
		return cycleError(cycle, throughDependencies);
	}

	private CycleDetectedException cycleError(List<Integer> cycle, boolean throughDependencies) {
		List<String> ids = new ArrayList<>();
		StringBuilder message = new StringBuilder("Revisions form a cycle: ");
		int shown = Math.min(cycle.size(), 10);
		for (int k = 0; k < cycle.size(); k++) {
			ids.add(id(cycle.get(k)));
		}
		for (int k = 0; k < shown; k++) {
			int from = cycle.get(k);
			int to = cycle.get((k + 1) % cycle.size());
			Revision revision = this.revisions[from];
			if (k > 0) {
				message.append(", which ");
			}
			else {
				message.append("'").append(revision.id()).append("' (").append(revision.source()).append(") ");
			}
			message.append(revision.revises().contains(id(to)) ? "revises '" : "depends on '").append(id(to));
			message.append("'");
			if (k + 1 < cycle.size()) {
				message.append(" (").append(this.revisions[to].source()).append(")");
			}
		}
		if (shown < cycle.size()) {
			message.append(", ... (").append(cycle.size()).append(" revisions in all)");
		}
		message.append(throughDependencies ? "; fix the 'Revises:' or 'Depends On:' header of one of them"
				: "; fix the 'Revises:' header of one of them");
		return new CycleDetectedException(ids, throughDependencies, message.toString());
	}

	private static int[][] invert(int[][] up, int n) {
		int[] counts = new int[n];
		for (int[] edges : up) {
			for (int target : edges) {
				counts[target]++;
			}
		}
		int[][] down = new int[n][];
		for (int i = 0; i < n; i++) {
			down[i] = (counts[i] == 0) ? NONE : new int[counts[i]];
			counts[i] = 0;
		}
		for (int i = 0; i < n; i++) {
			for (int target : up[i]) {
				down[target][counts[target]++] = i;
			}
		}
		return down;
	}

	static int[] select(int n, java.util.function.IntPredicate predicate) {
		int count = 0;
		int[] result = new int[n];
		for (int i = 0; i < n; i++) {
			if (predicate.test(i)) {
				result[count++] = i;
			}
		}
		return Arrays.copyOf(result, count);
	}

}
