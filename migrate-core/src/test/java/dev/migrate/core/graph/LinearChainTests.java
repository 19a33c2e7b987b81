package dev.migrate.core.graph;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static dev.migrate.core.graph.GraphFixtures.downgrade;
import static dev.migrate.core.graph.GraphFixtures.graph;
import static dev.migrate.core.graph.GraphFixtures.ids;
import static dev.migrate.core.graph.GraphFixtures.rev;
import static dev.migrate.core.graph.GraphFixtures.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A linear chain {@code a -> b -> c -> d -> e}, as Alembic's {@code RevisionPathTest}.
 */
class LinearChainTests {

	private final RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("e", "d"));

	@Test
	void hasOneHeadOneBaseAndNoBranchOrMergePoints() {
		assertThat(ids(this.graph.heads())).containsExactly("e");
		assertThat(ids(this.graph.bases())).containsExactly("a");
		assertThat(this.graph.branchPoints()).isEmpty();
		assertThat(this.graph.mergePoints()).isEmpty();
		assertThat(this.graph.isHead("e")).isTrue();
		assertThat(this.graph.isHead("d")).isFalse();
		assertThat(this.graph.isBase("a")).isTrue();
	}

	@Test
	void ancestorsAndDescendantsExcludeTheRevisionItself() {
		assertThat(this.graph.ancestors("c")).containsExactly("a", "b");
		assertThat(this.graph.descendants("c")).containsExactly("d", "e");
	}

	@Test
	void upgradesFromBaseToHeadUpdatingOneRow() {
		assertThat(upgrade(this.graph, List.of(), "head")).containsExactly("+a [a]", "+b [b]", "+c [c]", "+d [d]",
				"+e [e]");
	}

	@Test
	void upgradesFromTheMiddle() {
		assertThat(upgrade(this.graph, List.of("c"), "e")).containsExactly("+d [d]", "+e [e]");
		assertThat(upgrade(this.graph, List.of(), "c")).containsExactly("+a [a]", "+b [b]", "+c [c]");
	}

	@Test
	void upgradeToAnAppliedRevisionIsEmpty() {
		assertThat(upgrade(this.graph, List.of("e"), "heads")).isEmpty();
		assertThat(upgrade(this.graph, List.of("e"), "c")).isEmpty();
	}

	@Test
	void upgradesRelativeToTheCurrentRevision() {
		assertThat(upgrade(this.graph, List.of("a"), "+2")).containsExactly("+b [b]", "+c [c]");
		assertThat(upgrade(this.graph, List.of("a"), "+1")).containsExactly("+b [b]");
		assertThat(upgrade(this.graph, List.of("b"), "+3")).containsExactly("+c [c]", "+d [d]", "+e [e]");
		assertThat(upgrade(this.graph, List.of(), "+1")).containsExactly("+a [a]");
	}

	@Test
	void upgradesRelativeToANamedRevision() {
		assertThat(upgrade(this.graph, List.of("a"), "b+2")).containsExactly("+b [b]", "+c [c]", "+d [d]");
		assertThat(upgrade(this.graph, List.of("a"), "d-2")).containsExactly("+b [b]");
		assertThat(upgrade(this.graph, List.of(), "base+1")).containsExactly("+a [a]");
		assertThat(upgrade(this.graph, List.of("c"), "head-1")).containsExactly("+d [d]");
	}

	@Test
	void rejectsUpgradePastTheHead() {
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("b"), "+5", Direction.UPGRADE))
			.withMessage("Target '+5' goes 5 revisions up from 'b', but only 3 lie above it, up to head 'e'")
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("+5"));
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("e"), "+1", Direction.UPGRADE))
			.withMessage("Target '+1' goes 1 revision up from 'e', but 'e' is a head");
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of(), "d+2", Direction.UPGRADE))
			.withMessage("Target 'd+2' goes 2 revisions up from 'd', but only 1 lies above it, up to head 'e'");
	}

	@Test
	void rejectsUpgradeWithANegativeStep() {
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("b"), "-2", Direction.UPGRADE))
			.withMessage("Target '-2' goes down, but upgrade goes up; use 'migrate downgrade -2'");
	}

	@Test
	void downgradesToARevisionUpdatingOneRow() {
		assertThat(downgrade(this.graph, List.of("e"), "c")).containsExactly("-e [d]", "-d [c]");
		assertThat(downgrade(this.graph, List.of("c"), "base")).containsExactly("-c [b]", "-b [a]", "-a []");
	}

	@Test
	void downgradesRelatively() {
		assertThat(downgrade(this.graph, List.of("c"), "-1")).containsExactly("-c [b]");
		assertThat(downgrade(this.graph, List.of("e"), "-3")).containsExactly("-e [d]", "-d [c]", "-c [b]");
		assertThat(downgrade(this.graph, List.of("d"), "a+2")).containsExactly("-d [c]");
		assertThat(downgrade(this.graph, List.of("d"), "c-2")).containsExactly("-d [c]", "-c [b]", "-b [a]");
		assertThat(downgrade(this.graph, List.of("a"), "-1")).containsExactly("-a []");
		assertThat(downgrade(this.graph, List.of("c"), "-3")).containsExactly("-c [b]", "-b [a]", "-a []");
	}

	@Test
	void rejectsDowngradePastBase() {
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("b"), "-5", Direction.DOWNGRADE))
			.withMessage("Target '-5' goes 5 revisions down from 'b', but only 2 lie below it, down to base");
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of(), "-1", Direction.DOWNGRADE))
			.withMessage("Target '-1' goes 1 revision down, but the database is at base (no version rows)");
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("e"), "a-2", Direction.DOWNGRADE))
			.withMessage("Target 'a-2' goes 2 revisions down from 'a', but only 1 lies below it, down to base");
	}

	@Test
	void rejectsDowngradeWithAPositiveStep() {
		assertThatExceptionOfType(RelativeTargetException.class)
			.isThrownBy(() -> this.graph.plan(List.of("b"), "+2", Direction.DOWNGRADE))
			.withMessage("Target '+2' goes up, but downgrade goes down; use 'migrate upgrade +2'");
	}

	@Test
	void downgradeToTheCurrentRevisionIsEmpty() {
		assertThat(downgrade(this.graph, List.of("a"), "a")).isEmpty();
		assertThat(downgrade(this.graph, List.of("e"), "e")).isEmpty();
		assertThat(downgrade(this.graph, List.of(), "base")).isEmpty();
	}

	@Test
	void rejectsDowngradeToARevisionThatIsNotApplied() {
		assertThatExceptionOfType(RangeNotAncestorException.class)
			.isThrownBy(() -> this.graph.plan(List.of("b"), "c", Direction.DOWNGRADE))
			.withMessage("Cannot downgrade to 'c': revision 'c' is not applied (the database is at b); "
					+ "use 'migrate upgrade c' to move up")
			.satisfies((ex) -> {
				assertThat(ex.getLower()).isEqualTo("c");
				assertThat(ex.getUpper()).isEqualTo("b");
			});
		assertThatExceptionOfType(RangeNotAncestorException.class)
			.isThrownBy(() -> this.graph.plan(List.of(), "b", Direction.DOWNGRADE))
			.withMessage("Cannot downgrade to 'b': revision 'b' is not applied (the database is at base); "
					+ "use 'migrate upgrade b' to move up");
	}

	@Test
	void stampsAnywhereReplacingTheRow() {
		assertThat(this.graph.stampRows(List.of("d"), "base")).isEmpty();
		assertThat(this.graph.stampRows(List.of("d"), "b")).containsExactly("b");
		assertThat(this.graph.stampRows(List.of(), "head")).containsExactly("e");
		assertThat(this.graph.stampRows(List.of("b"), "+2")).containsExactly("d");
		assertThat(this.graph.stampRows(List.of("b"), "-2")).isEmpty();
		assertThat(this.graph.stampRows(List.of("c"), "-1")).containsExactly("b");
	}

	@Test
	void listsHistoryNewestFirst() {
		assertThat(ids(this.graph.history(null))).containsExactly("e", "d", "c", "b", "a");
		assertThat(ids(this.graph.history("b:d"))).containsExactly("d", "c", "b");
		assertThat(ids(this.graph.history("c:"))).containsExactly("e", "d", "c");
		assertThat(ids(this.graph.history(":b"))).containsExactly("b", "a");
		assertThat(ids(this.graph.history("base:head"))).containsExactly("e", "d", "c", "b", "a");
		assertThat(ids(this.graph.history("-1:", List.of("c")))).containsExactly("e", "d", "c", "b");
	}

	@Test
	void rejectsAHistoryRangeWhoseStartIsNotBelowItsEnd() {
		assertThatExceptionOfType(RangeNotAncestorException.class).isThrownBy(() -> this.graph.history("d:b"))
			.withMessage("History range 'd:b' is empty: 'd' is not an ancestor of 'b'; swap the ends or use 'd:heads'");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> this.graph.history("b"))
			.withMessage("History range 'b' is not valid; use '[start]:[end]', e.g. 'base:head', 'ae10:' or ':head'");
	}

	@Test
	void resolvesOneRevisionForShow() {
		assertThat(this.graph.resolveOne("head").id()).isEqualTo("e");
		assertThat(this.graph.resolveOne("head-2").id()).isEqualTo("c");
		assertThat(this.graph.resolveOne("base+1").id()).isEqualTo("a");
		assertThat(this.graph.resolveOne("b+1").id()).isEqualTo("c");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> this.graph.resolveOne("base"))
			.withMessage("Target 'base' is below every revision (base), not a revision; name a revision, e.g. 'head' "
					+ "or a revision id");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> this.graph.resolveOne("+1"))
			.withMessage("Target '+1' is relative to the database's current revision; name a revision instead, "
					+ "e.g. 'head-1'");
	}

	@Test
	void describesRevisionsAsHistoryPrintsThem() {
		RevisionGraph described = graph(new Revision("a", List.of(), Set.of(), List.of(), "create users", null, "a.sql"),
				rev("b", "a"));
		assertThat(described.describe(described.get("a").get())).isEqualTo("<base> -> a, create users");
		assertThat(described.describe(described.get("b").get())).isEqualTo("a -> b (head)");
	}

	@Test
	void newRevisionIdsAreTwelveHexDigitsAndUnused() {
		String id = this.graph.newRevisionId(new SplittableRandom(42));
		assertThat(id).matches("[0-9a-f]{12}");
		assertThat(this.graph.get(id)).isEmpty();
	}

}
