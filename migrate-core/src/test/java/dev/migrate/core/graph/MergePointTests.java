package dev.migrate.core.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrate.core.graph.GraphFixtures.downgrade;
import static dev.migrate.core.graph.GraphFixtures.graph;
import static dev.migrate.core.graph.GraphFixtures.ids;
import static dev.migrate.core.graph.GraphFixtures.rev;
import static dev.migrate.core.graph.GraphFixtures.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A diamond, as Alembic's {@code DiamondTest}: {@code a -> b1, a -> b2, (b1, b2) -> m -> n}; and the twin merge of
 * Alembic's {@code TwinMergeTest}.
 */
class MergePointTests {

	private final RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"),
			rev("n", "m"));

	@Test
	void hasOneMergePointAndOneBranchPoint() {
		assertThat(ids(this.graph.mergePoints())).containsExactly("m");
		assertThat(ids(this.graph.branchPoints())).containsExactly("a");
		assertThat(ids(this.graph.heads())).containsExactly("n");
		assertThat(this.graph.isMergePoint("m")).isTrue();
		assertThat(this.graph.describe(this.graph.get("m").get())).isEqualTo("b1, b2 -> m (mergepoint)");
		assertThat(this.graph.describe(this.graph.get("a").get())).isEqualTo("<base> -> a (branchpoint)");
	}

	@Test
	void upgradeCollapsesTheParentsRowsIntoTheMergePoint() {
		assertThat(upgrade(this.graph, List.of(), "head")).containsExactly("+a [a]", "+b2 [b2]", "+b1 [b1, b2]",
				"+m [m]", "+n [n]");
	}

	@Test
	void upgradesTheMissingSideOfAMerge() {
		assertThat(upgrade(this.graph, List.of("b1"), "m")).containsExactly("+b2 [b1, b2]", "+m [m]");
		assertThat(upgrade(this.graph, List.of("b2"), "m")).containsExactly("+b1 [b1, b2]", "+m [m]");
	}

	@Test
	void downgradeOfTheMergePointRestoresItsParentsRows() {
		assertThat(downgrade(this.graph, List.of("n"), "b1")).containsExactly("-n [m]", "-m [b1, b2]");
		assertThat(downgrade(this.graph, List.of("n"), "a")).containsExactly("-n [m]", "-m [b1, b2]", "-b1 [b2]",
				"-b2 [a]");
		assertThat(downgrade(this.graph, List.of("n"), "-1")).containsExactly("-n [m]");
	}

	@Test
	void rejectsAWalkDownThroughTheMergePoint() {
		assertThatExceptionOfType(RelativeTargetException.class).isThrownBy(() -> this.graph.resolveOne("m-1"))
			.withMessage("Target 'm-1' is ambiguous: 'm' is a merge point of 2 revisions (b1, b2); walk from one of "
					+ "them instead, e.g. 'b1'");
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("n"), "-3", Direction.DOWNGRADE))
			.withMessage("Target '-3' is ambiguous: 'm' is a merge point of 2 revisions (b1, b2); walk from one of "
					+ "them instead, e.g. 'b1-1'");
	}

	@Test
	void stampsAcrossTheMerge() {
		assertThat(this.graph.stampRows(List.of("n"), "b1")).containsExactly("b1");
		assertThat(this.graph.stampRows(List.of("b1", "b2"), "m")).containsExactly("m");
		assertThat(this.graph.stampRows(List.of("b1"), "b2")).containsExactly("b1", "b2");
	}

	@Test
	void listsHistoryWithBothSidesOfTheMerge() {
		assertThat(ids(this.graph.history(null))).containsExactly("n", "m", "b1", "b2", "a");
		assertThat(ids(this.graph.history("b2:"))).containsExactly("n", "m", "b2");
	}

	@Test
	void twinMergesCollapseAndSplitRowsAsAlembicDoes() {
		RevisionGraph twins = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"),
				rev("c1", "b1", "b2", "b3"), rev("c2", "b1", "b2", "b3"), rev("d1", "c1"), rev("d2", "c2"));
		assertThat(upgrade(twins, List.of("a"), "heads")).containsExactly("+b3 [b3]", "+b2 [b2, b3]",
				"+b1 [b1, b2, b3]", "+c2 [c2]", "+d2 [d2]", "+c1 [c1, d2]", "+d1 [d1, d2]");
		assertThat(downgrade(twins, List.of("d1", "d2"), "base")).containsExactly("-d1 [c1, d2]", "-c1 [d2]",
				"-d2 [c2]", "-c2 [b1, b2, b3]", "-b1 [b2, b3]", "-b2 [b3]", "-b3 [a]", "-a []");
	}

	@Test
	void mergingFromOneSideKeepsTheOtherBranchRow() {
		// Alembic's BranchFromMergepointTest: d1 merges c1 and c2, and c2 goes on to d2
		RevisionGraph graph = graph(rev("a1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"), rev("b2", "a2"),
				rev("c2", "b2"), rev("d1", "c1", "c2"), rev("d2", "c2"));
		assertThat(upgrade(graph, List.of("d2", "b1"), "d1")).containsExactly("+c1 [c1, d2]", "+d1 [d1, d2]");
		assertThat(downgrade(graph, List.of("d2", "d1"), "b1")).containsExactly("-d1 [c1, d2]", "-c1 [b1, d2]");
	}

}
