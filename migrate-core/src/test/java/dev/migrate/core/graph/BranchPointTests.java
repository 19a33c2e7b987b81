package dev.migrate.core.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrate.core.graph.GraphFixtures.downgrade;
import static dev.migrate.core.graph.GraphFixtures.graph;
import static dev.migrate.core.graph.GraphFixtures.ids;
import static dev.migrate.core.graph.GraphFixtures.labelled;
import static dev.migrate.core.graph.GraphFixtures.rev;
import static dev.migrate.core.graph.GraphFixtures.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two labelled branches from one branch point, as Alembic's {@code BranchedPathTest}:
 * {@code a -> b -> c1 (c1branch) -> d1} and {@code b -> c2 (c2branch) -> d2}.
 */
class BranchPointTests {

	private final RevisionGraph graph = graph(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"), rev("d1", "c1"),
			labelled("c2", "c2branch", "b"), rev("d2", "c2"));

	@Test
	void hasTwoHeadsAndOneBranchPoint() {
		assertThat(ids(this.graph.heads())).containsExactly("d1", "d2");
		assertThat(ids(this.graph.bases())).containsExactly("a");
		assertThat(ids(this.graph.branchPoints())).containsExactly("b");
		assertThat(this.graph.isBranchPoint("b")).isTrue();
		assertThat(this.graph.describe(this.graph.get("b").get())).isEqualTo("a -> b (branchpoint)");
		assertThat(this.graph.branchLabels()).containsExactly(java.util.Map.entry("c1branch", "c1"),
				java.util.Map.entry("c2branch", "c2"));
	}

	@Test
	void upgradesOneBranchAtATimeAddingARowAtTheBranchPoint() {
		assertThat(upgrade(this.graph, List.of("a"), "heads")).containsExactly("+b [b]", "+c2 [c2]", "+d2 [d2]",
				"+c1 [c1, d2]", "+d1 [d1, d2]");
	}

	@Test
	void upgradesASingleBranch() {
		assertThat(upgrade(this.graph, List.of("b"), "d1")).containsExactly("+c1 [c1]", "+d1 [d1]");
		assertThat(upgrade(this.graph, List.of("b"), "c2branch@head-1")).containsExactly("+c2 [c2]");
		assertThat(upgrade(this.graph, List.of(), "c1branch@head")).containsExactly("+a [a]", "+b [b]", "+c1 [c1]",
				"+d1 [d1]");
	}

	@Test
	void upgradesTheOtherBranchRelativelyFromItsBranchPoint() {
		assertThat(upgrade(this.graph, List.of("c1"), "c2branch@+1")).containsExactly("+c2 [c1, c2]");
		assertThat(upgrade(this.graph, List.of("c1", "c2"), "c2branch@+1")).containsExactly("+d2 [c1, d2]");
	}

	@Test
	void rejectsARelativeUpgradeFromTwoHeads() {
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("c1", "c2"), "+1", Direction.UPGRADE))
			.withMessage("Target '+1' is ambiguous: the database is at 2 heads (c1, c2); qualify it with a branch "
					+ "label or revision, e.g. 'c1@+1'");
	}

	@Test
	void rejectsAWalkUpThroughTheBranchPoint() {
		assertThatExceptionOfType(RelativeTargetException.class).isThrownBy(() -> this.graph.resolveOne("b+1"))
			.withMessage("Target 'b+1' is ambiguous: 'b' is a branch point with 2 children (c1, c2); qualify it with "
					+ "a branch label or revision, e.g. 'c1@b+1'");
		assertThat(this.graph.resolveOne("c1branch@b+1").id()).isEqualTo("c1");
		assertThat(this.graph.resolveOne("d2@base+3").id()).isEqualTo("c2");
	}

	@Test
	void rejectsHeadWithTwoHeadsSuggestingALabel() {
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> this.graph.resolveOne("head"))
			.withMessage("Target 'head' matches 2 heads (d1, d2); use 'heads', 'c1branch@head', or 'migrate merge heads'")
			.satisfies((ex) -> {
				assertThat(ex.getHeads()).containsExactly("d1", "d2");
				assertThat(ex.getArgument()).isEqualTo("head");
			});
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.plan(List.of(), "b@head", Direction.UPGRADE))
			.withMessage("Target 'b@head' matches 2 heads (d1, d2); use 'b@heads', a revision id, or 'migrate merge heads'");
	}

	@Test
	void resolvesLabelledHeadsAndLabelsThemselves() {
		assertThat(this.graph.resolveOne("c1branch@head").id()).isEqualTo("d1");
		assertThat(this.graph.resolveOne("c2branch").id()).isEqualTo("c2");
		assertThat(this.graph.resolveOne("c2branch@b").id()).isEqualTo("b");
	}

	@Test
	void rejectsARevisionOffTheNamedBranch() {
		assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> this.graph.resolveOne("c1branch@d2"))
			.withMessage("Revision 'd2' in target 'c1branch@d2' is not on branch 'c1branch': it is neither an ancestor "
					+ "nor a descendant of 'c1'; drop the qualifier or name a revision of that branch");
	}

	@Test
	void downgradesBothBranchesChildrenFirst() {
		assertThat(downgrade(this.graph, List.of("d1", "d2"), "a")).containsExactly("-d1 [c1, d2]", "-c1 [d2]",
				"-d2 [c2]", "-c2 [b]", "-b [a]");
		assertThat(downgrade(this.graph, List.of("d2", "d1"), "base+2")).containsExactly("-d1 [c1, d2]", "-c1 [d2]",
				"-d2 [c2]", "-c2 [b]");
	}

	@Test
	void downgradesOneBranchNamedByLabelOrRevision() {
		assertThat(downgrade(this.graph, List.of("d2", "d1"), "c2branch@base+2")).containsExactly("-d2 [c2, d1]",
				"-c2 [d1]");
		assertThat(downgrade(this.graph, List.of("d2", "d1"), "c2branch@base+3")).containsExactly("-d2 [c2, d1]");
		assertThat(downgrade(this.graph, List.of("c1", "d2"), "c1branch@b")).containsExactly("-c1 [d2]");
		assertThat(downgrade(this.graph, List.of("c1", "d2"), "c2branch@b")).containsExactly("-d2 [c1, c2]",
				"-c2 [c1]");
		assertThat(downgrade(this.graph, List.of("d1", "d2"), "c2@b")).containsExactly("-d2 [c2, d1]", "-c2 [d1]");
		assertThat(downgrade(this.graph, List.of("d1", "d2"), "d1@b")).containsExactly("-d1 [c1, d2]", "-c1 [d2]");
		assertThat(downgrade(this.graph, List.of("d1", "d2"), "c1branch@head-1")).containsExactly("-d1 [c1, d2]");
		// as Alembic: label@base starts from the base the branch shares, so everything goes
		assertThat(downgrade(this.graph, List.of("d1", "d2"), "c1branch@base")).containsExactly("-d1 [c1, d2]",
				"-c1 [d2]", "-d2 [c2]", "-c2 [b]", "-b [a]", "-a []");
	}

	@Test
	void downgradesRelativelyAlongOneBranch() {
		assertThat(downgrade(this.graph, List.of("d1", "d2"), "c1branch@-1")).containsExactly("-d1 [c1, d2]");
		assertThat(downgrade(this.graph, List.of("d2", "c1"), "d2-1")).containsExactly("-d2 [c1, c2]");
		// as Alembic: d1-2 is b, and everything above b goes, on both branches
		assertThat(downgrade(this.graph, List.of("d1", "d2"), "d1-2")).containsExactly("-d1 [c1, d2]", "-c1 [d2]",
				"-d2 [c2]", "-c2 [b]");
		assertThat(downgrade(this.graph, List.of("a"), "-1")).containsExactly("-a []");
	}

	@Test
	void rejectsARelativeDowngradeFromTwoHeads() {
		// Alembic warns and picks the first row; the order of rows means nothing, so we refuse
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("d2", "d1"), "-1", Direction.DOWNGRADE))
			.withMessage("Target '-1' is ambiguous: the database is at 2 heads (d1, d2); qualify it with a branch "
					+ "label or revision, e.g. 'd1@-1'");
	}

	@Test
	void downgradeToARevisionOnAnotherAppliedBranchIsEmpty() {
		assertThat(downgrade(this.graph, List.of("d1", "c2"), "c2")).isEmpty();
		assertThat(downgrade(this.graph, List.of("d1", "c2"), "d1")).isEmpty();
	}

	@Test
	void stampsAcrossBranches() {
		assertThat(this.graph.stampRows(List.of("d1", "c2"), "b")).containsExactly("b");
		assertThat(this.graph.stampRows(List.of("d1", "c2"), "c1branch@base")).containsExactly("c2");
		assertThat(this.graph.stampRows(List.of("d1", "c2"), "c2branch@head")).containsExactly("d1", "d2");
		assertThat(this.graph.stampRows(List.of(), "heads")).containsExactly("d1", "d2");
		assertThat(this.graph.stampRows(List.of("d1"), "c2")).containsExactly("c2", "d1");
	}

	@Test
	void listsHistoryOneBranchAtATime() {
		assertThat(ids(this.graph.history(null))).containsExactly("d1", "c1", "d2", "c2", "b", "a");
		assertThat(ids(this.graph.history("c2:"))).containsExactly("d2", "c2");
		assertThat(ids(this.graph.history("b:c1branch@head"))).containsExactly("d1", "c1", "b");
	}

}
