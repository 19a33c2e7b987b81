package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migrate.core.graph.GraphFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The graph shapes and expected results of Alembic 1.19's {@code tests/test_revision.py} and
 * {@code tests/test_version_traversal.py}, as tables: the order {@code history} walks a range in, the steps of
 * upgrades and downgrades, effective heads and the labels a revision carries. Revisions are listed in the order
 * Alembic's test builds its map, which is the file order that breaks ties.
 */
class AlembicRevisionMapCasesTests {

	// test_revision.py DiamondTest
	private static final RevisionGraph DIAMOND = ordered("a", "b1:a", "b2:a", "c:b1,b2", "d:c");

	// test_revision.py LongShortBranchTest
	private static final RevisionGraph LONG_SHORT = ordered("a", "b1:a", "b2:a", "c1:b1", "d11:c1", "d12:c1");

	// test_revision.py MultipleBranchTest
	private static final RevisionGraph MULTIPLE_BRANCH = ordered("a", "b1:a", "b2:a", "cb1:b1", "cb2:b2", "d1cb1:cb1",
			"d2cb1:cb1", "d1cb2:cb2", "d2cb2:cb2", "d3cb2:cb2", "d1d2cb2:d1cb2,d2cb2");

	// test_revision.py BranchTravellingTest
	private static final RevisionGraph BRANCH_TRAVELLING = ordered("a1", "a2:a1", "a3:a2", "b1:a3", "b2:a3", "cb1:b1",
			"cb2:b2", "db1:cb1", "db2:cb2", "e1b1:db1", "fe1b1:e1b1", "e2b1:db1", "e2b2:db2", "merge:e2b1,e2b2");

	// test_revision.py LabeledBranchTest
	private static final RevisionGraph LABELED_BRANCH = ordered("a@abranch", "b:a", "somelongername:b",
			"c:somelongername", "d", "e:d@ebranch", "someothername:e", "f:someothername");

	// test_revision.py MultipleBaseTest
	private static final RevisionGraph MULTIPLE_BASE = ordered("base1", "base2", "base3", "a1a:base1", "a1b:base1",
			"a2:base2", "a3:base3", "b1a:a1a", "b1b:a1b", "b2:a2", "b3:a3", "c2:b2", "d2:c2", "mergeb3d2:b3,d2");

	// test_revision.py MultipleBranchEffectiveHead
	private static final RevisionGraph EFFECTIVE_HEAD = ordered("y1@y", "x1@x", "y2:y1+x1", "x2:x1");

	// test_version_traversal.py BranchedPathTest
	private static final RevisionGraph BRANCHED_PATH = ordered("a", "b:a", "c1:b@c1branch", "d1:c1",
			"c2:b@c2branch", "d2:c2");

	// test_version_traversal.py DependsOnBranchTestOne: a branch that depends on another
	private static final RevisionGraph DEPENDS_ON_BRANCH = ordered("a1@lib", "b1:a1", "c1:b1", "a2@app", "b2:a2+b1",
			"c2:b2");

	static Stream<Arguments> historyRanges() {
		return Stream.of(arguments("diamond", DIAMOND, "a:d", List.of("d", "c", "b1", "b2", "a")),
				arguments("long and short branch", LONG_SHORT, "", List.of("b2", "d11", "d12", "c1", "b1", "a")),
				arguments("from a merge point", MULTIPLE_BRANCH, "a:d1d2cb2",
						List.of("d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a")),
				arguments("single branch", MULTIPLE_BRANCH, "a:d3cb2", List.of("d3cb2", "cb2", "b2", "a")),
				arguments("single branch to base", MULTIPLE_BRANCH, "base:d3cb2", List.of("d3cb2", "cb2", "b2", "a")),
				arguments("two branches to root", BRANCH_TRAVELLING, "a1:merge", List.of("merge", "e2b1", "db1", "cb1",
						"b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1")),
				arguments("two branches end in branch", BRANCH_TRAVELLING, "b1:merge",
						List.of("merge", "e2b1", "db1", "cb1", "b1")),
				arguments("head to named base", LABELED_BRANCH, "ebranch@base:heads",
						List.of("f", "someothername", "e", "d")),
				arguments("head to other named base", LABELED_BRANCH, "abranch@base:heads",
						List.of("c", "somelongername", "b", "a")),
				arguments("named head to base", LABELED_BRANCH, "base:ebranch@head",
						List.of("f", "someothername", "e", "d")),
				arguments("named head to heads", LABELED_BRANCH, "ebranch@head:heads", List.of("f")),
				arguments("named rev to heads", LABELED_BRANCH, "ebranch@d:heads",
						List.of("f", "someothername", "e", "d")),
				arguments("version specific base", LABELED_BRANCH, "e@base:heads",
						List.of("f", "someothername", "e", "d")),
				arguments("other version specific base", LABELED_BRANCH, "c@base:heads",
						List.of("c", "somelongername", "b", "a")),
				arguments("heads to base, three bases", MULTIPLE_BASE, "base:heads", List.of("b1a", "a1a", "b1b", "a1b",
						"base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2")));
	}

	@ParameterizedTest(name = "{0}: history {2}")
	@MethodSource("historyRanges")
	void listsHistoryInAlembicsOrder(String name, RevisionGraph graph, String range, List<String> expected) {
		assertThat(ids(graph.history(range.isEmpty() ? null : range))).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> plans() {
		return Stream.of(
				// test_version_traversal.py BranchedPathTest
				arguments("upgrade multiple branch", BRANCHED_PATH, "a", "heads", Direction.UPGRADE,
						List.of("b", "c2", "d2", "c1", "d1"), Set.of("d1", "d2")),
				arguments("downgrade multiple branch", BRANCHED_PATH, "d1,d2", "a", Direction.DOWNGRADE,
						List.of("d1", "c1", "d2", "c2", "b"), Set.of("a")),
				arguments("relative upgrade", BRANCHED_PATH, "b", "c2branch@head-1", Direction.UPGRADE, List.of("c2"),
						Set.of("c2")),
				arguments("base+2 drops everything above b", BRANCHED_PATH, "d2,d1", "base+2", Direction.DOWNGRADE,
						List.of("d1", "c1", "d2", "c2"), Set.of("b")),
				arguments("branch@base+2 drops only that branch", BRANCHED_PATH, "d2,d1", "c2branch@base+2",
						Direction.DOWNGRADE, List.of("d2", "c2"), Set.of("d1")),
				arguments("branch@base+3 is c2", BRANCHED_PATH, "d2,d1", "c2branch@base+3", Direction.DOWNGRADE,
						List.of("d2"), Set.of("c2", "d1")),
				arguments("labelled -1", BRANCHED_PATH, "d1,d2", "c1branch@-1", Direction.DOWNGRADE, List.of("d1"),
						Set.of("c1", "d2")),
				arguments("rev-1 from its own row", BRANCHED_PATH, "d2,c1", "d2-1", Direction.DOWNGRADE,
						List.of("d2"), Set.of("c1", "c2")),
				arguments("label@rev narrows to the label", BRANCHED_PATH, "c1,d2", "c1branch@b", Direction.DOWNGRADE,
						List.of("c1"), Set.of("d2")),
				arguments("label not on the head", BRANCHED_PATH, "c1,d2", "c2branch@b", Direction.DOWNGRADE,
						List.of("d2", "c2"), Set.of("c1")),
				arguments("revision as qualifier", BRANCHED_PATH, "d1,d2", "c2@b", Direction.DOWNGRADE,
						List.of("d2", "c2"), Set.of("d1")),
				arguments("head as qualifier", BRANCHED_PATH, "d1,d2", "d1@b", Direction.DOWNGRADE,
						List.of("d1", "c1"), Set.of("d2")),
				arguments("relative to branch head", BRANCHED_PATH, "d1,d2", "c1branch@head-1", Direction.DOWNGRADE,
						List.of("d1"), Set.of("c1", "d2")),
				arguments("other branch from the branch point", BRANCHED_PATH, "c1", "c2branch@+1", Direction.UPGRADE,
						List.of("c2"), Set.of("c1", "c2")),
				arguments("one branch of heads", BRANCHED_PATH, "c1,c2", "c2branch@+1", Direction.UPGRADE,
						List.of("d2"), Set.of("c1", "d2")),
				arguments("+1 from base", BRANCHED_PATH, "", "+1", Direction.UPGRADE, List.of("a"), Set.of("a")),
				arguments("base+1", BRANCHED_PATH, "", "base+1", Direction.UPGRADE, List.of("a"), Set.of("a")),
				arguments("-1 to base", BRANCHED_PATH, "a", "-1", Direction.DOWNGRADE, List.of("a"), Set.of()),
				arguments("no effect, branched", BRANCHED_PATH, "d1,c2", "c2", Direction.DOWNGRADE, List.of(),
						Set.of("d1", "c2")),
				// test_revision.py MultipleBranchEffectiveHead
				arguments("other branch -1", EFFECTIVE_HEAD, "x2,y2", "x@-1", Direction.DOWNGRADE, List.of("x2"),
						Set.of("y2")),
				arguments("-1 from an effective head", EFFECTIVE_HEAD, "y2", "x@-1", Direction.DOWNGRADE,
						List.of("y2", "x1"), Set.of("y1")),
				// label@base starts from the bases below the label, and takes everything built on them
				arguments("lib@base", DEPENDS_ON_BRANCH, "c1,c2", "lib@base", Direction.DOWNGRADE,
						List.of("c1", "c2", "b2", "b1", "a1"), Set.of("a2")),
				arguments("rev-N reaches other branches", BRANCHED_PATH, "d1,d2", "d1-2", Direction.DOWNGRADE,
						List.of("d1", "c1", "d2", "c2"), Set.of("b")));
	}

	@ParameterizedTest(name = "{0}: {4} {3} from [{2}]")
	@MethodSource("plans")
	void plansAsAlembic(String name, RevisionGraph graph, String rows, String target, Direction direction,
			List<String> run, Set<String> rowsAfter) {
		List<String> current = rows.isEmpty() ? List.of() : List.of(rows.split(","));
		List<Step> steps = graph.plan(current, target, direction);
		assertThat(steps.stream().map((step) -> step.revision().id())).containsExactlyElementsOf(run);
		Set<String> after = steps.isEmpty() ? Set.copyOf(current) : steps.get(steps.size() - 1).rowsAfter();
		assertThat(after).containsExactlyInAnyOrderElementsOf(rowsAfter);
	}

	static Stream<Arguments> labels() {
		return Stream.of(arguments(LABELED_BRANCH, "f", Set.of("ebranch")),
				arguments(LABELED_BRANCH, "d", Set.of("ebranch")),
				arguments(LABELED_BRANCH, "somelongername", Set.of("abranch")),
				arguments(BRANCHED_PATH, "d2", Set.of("c2branch")),
				// b is a branch point: the labels of its branches stop above it
				arguments(BRANCHED_PATH, "b", Set.of()),
				arguments(EFFECTIVE_HEAD, "y2", Set.of("y")));
	}

	@ParameterizedTest(name = "{1} carries {2}")
	@MethodSource("labels")
	void spreadsLabelsOverTheBranch(RevisionGraph graph, String id, Set<String> labels) {
		assertThat(graph.branchLabels(id)).containsExactlyInAnyOrderElementsOf(labels);
	}

	static Stream<Arguments> heads() {
		return Stream.of(arguments(EFFECTIVE_HEAD, List.of("y2", "x2"), List.of("x2", "y2")),
				arguments(DEPENDS_ON_BRANCH, List.of("c1", "c2"), List.of("c1", "c2")),
				arguments(ordered("l1", "l2:l1", "p1+l2"), List.of("l2", "p1"), List.of("p1")));
	}

	@ParameterizedTest(name = "branch heads {1}, heads {2}")
	@MethodSource("heads")
	void listsEffectiveHeadsAmongTheBranchHeads(RevisionGraph graph, List<String> branchHeads, List<String> heads) {
		assertThat(ids(graph.branchHeads())).containsExactlyElementsOf(branchHeads);
		assertThat(ids(graph.heads())).containsExactlyElementsOf(heads);
	}

	/**
	 * Builds a graph from {@code id[:parent,parent][+dependency][@label]} specs; the list order is the file order.
	 */
	static RevisionGraph ordered(String... specs) {
		List<Revision> revisions = new ArrayList<>();
		for (int k = 0; k < specs.length; k++) {
			String spec = specs[k];
			String label = null;
			if (spec.contains("@")) {
				label = spec.substring(spec.indexOf('@') + 1);
				spec = spec.substring(0, spec.indexOf('@'));
			}
			List<String> dependsOn = List.of();
			if (spec.contains("+")) {
				dependsOn = List.of(spec.substring(spec.indexOf('+') + 1));
				spec = spec.substring(0, spec.indexOf('+'));
			}
			String[] parts = spec.split(":");
			List<String> revises = (parts.length > 1) ? List.of(parts[1].split(",")) : List.of();
			revisions.add(new Revision(parts[0], revises, (label != null) ? Set.of(label) : Set.of(), dependsOn, "",
					null, String.format("versions/%03d_%s.py", k, parts[0])));
		}
		return RevisionGraph.of(revisions);
	}

}
