package dev.migrate.core.graph;

import java.util.List;
import java.util.Map;

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
 * Two independent bases with labels, as Alembic's {@code MultipleBaseTest} and {@code LabeledBranchTest}:
 * {@code au1 (auth) -> au2} and {@code bi1 (billing) -> bi2 -> bi3}.
 */
class LabelledBasesTests {

	private final RevisionGraph graph = graph(labelled("au1", "auth"), rev("au2", "au1"), labelled("bi1", "billing"),
			rev("bi2", "bi1"), rev("bi3", "bi2"));

	@Test
	void hasTwoBasesAndTwoHeads() {
		assertThat(ids(this.graph.bases())).containsExactly("au1", "bi1");
		assertThat(ids(this.graph.heads())).containsExactly("au2", "bi3");
		assertThat(this.graph.branchLabels()).containsExactly(Map.entry("auth", "au1"), Map.entry("billing", "bi1"));
	}

	@Test
	void rejectsHeadSuggestingOneOfTheLabels() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.plan(List.of(), "head", Direction.UPGRADE))
			.withMessage("Target 'head' matches 2 heads (au2, bi3); use 'heads', 'auth@head', or 'migrate merge heads'");
	}

	@Test
	void upgradesBothTreesOneAfterTheOther() {
		assertThat(upgrade(this.graph, List.of(), "heads")).containsExactly("+au1 [au1]", "+au2 [au2]",
				"+bi1 [au2, bi1]", "+bi2 [au2, bi2]", "+bi3 [au2, bi3]");
	}

	@Test
	void upgradesOneLabelledTree() {
		assertThat(upgrade(this.graph, List.of(), "billing@head")).containsExactly("+bi1 [bi1]", "+bi2 [bi2]",
				"+bi3 [bi3]");
		assertThat(upgrade(this.graph, List.of("au2"), "billing@+1")).containsExactly("+bi1 [au2, bi1]");
		assertThat(upgrade(this.graph, List.of("au2", "bi1"), "billing@+2")).containsExactly("+bi2 [au2, bi2]",
				"+bi3 [au2, bi3]");
		assertThat(upgrade(this.graph, List.of(), "billing@heads")).hasSize(3);
	}

	@Test
	void rejectsWalkingUpFromBaseWithoutALabel() {
		assertThatExceptionOfType(RelativeTargetException.class).isThrownBy(() -> this.graph.resolveOne("base+1"))
			.withMessage("Target 'base+1' is ambiguous: the graph has 2 bases (au1, bi1); qualify it with a branch "
					+ "label or revision, e.g. 'au1@base+1'");
		assertThat(this.graph.resolveOne("billing@base+1").id()).isEqualTo("bi1");
		assertThat(this.graph.resolveOne("auth@base+2").id()).isEqualTo("au2");
	}

	@Test
	void downgradesOneLabelledTree() {
		assertThat(downgrade(this.graph, List.of("au2", "bi3"), "auth@base")).containsExactly("-au2 [au1, bi3]",
				"-au1 [bi3]");
		assertThat(downgrade(this.graph, List.of("au2", "bi3"), "billing@-1")).containsExactly("-bi3 [au2, bi2]");
		assertThat(downgrade(this.graph, List.of("au2", "bi3"), "auth@-2")).containsExactly("-au2 [au1, bi3]",
				"-au1 [bi3]");
		assertThat(downgrade(this.graph, List.of("au2", "bi3"), "billing@bi1")).containsExactly("-bi3 [au2, bi2]",
				"-bi2 [au2, bi1]");
	}

	@Test
	void downgradesEverythingToBase() {
		assertThat(downgrade(this.graph, List.of("au2", "bi3"), "base")).containsExactly("-au2 [au1, bi3]",
				"-au1 [bi3]", "-bi3 [bi2]", "-bi2 [bi1]", "-bi1 []");
	}

	@Test
	void rejectsAnUnknownBranchListingTheLabels() {
		assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> this.graph.resolveOne("nope@head"))
			.withMessage("Branch 'nope' in target 'nope@head' does not exist: it is neither a branch label nor a "
					+ "revision id (labels are auth, billing)")
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("nope"));
		assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> this.graph.resolveOne("auth@bi2"))
			.withMessage("Revision 'bi2' in target 'auth@bi2' is not on branch 'auth': it is neither an ancestor nor "
					+ "a descendant of 'au1'; drop the qualifier or name a revision of that branch");
	}

	@Test
	void rejectsARelativeDowngradeOnABranchWithNothingApplied() {
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("au2"), "billing@-1", Direction.DOWNGRADE))
			.withMessage("Target 'billing@-1' goes down branch 'billing', but nothing on that branch is applied");
	}

	@Test
	void stampsOneTreeLeavingTheOther() {
		assertThat(this.graph.stampRows(List.of("au2", "bi3"), "auth@base")).containsExactly("bi3");
		assertThat(this.graph.stampRows(List.of("au2"), "billing@head")).containsExactly("au2", "bi3");
		assertThat(this.graph.stampRows(List.of("au2", "bi3"), "billing@-1")).containsExactly("au2", "bi2");
	}

	@Test
	void listsHistoryOfOneTree() {
		assertThat(ids(this.graph.history(":billing@head"))).containsExactly("bi3", "bi2", "bi1");
		assertThat(ids(this.graph.history(null))).containsExactly("au2", "au1", "bi3", "bi2", "bi1");
	}

}
