package dev.migrate.core.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrate.core.graph.GraphFixtures.dependent;
import static dev.migrate.core.graph.GraphFixtures.downgrade;
import static dev.migrate.core.graph.GraphFixtures.graph;
import static dev.migrate.core.graph.GraphFixtures.ids;
import static dev.migrate.core.graph.GraphFixtures.labelled;
import static dev.migrate.core.graph.GraphFixtures.rev;
import static dev.migrate.core.graph.GraphFixtures.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Depends-on across branches, as Alembic's {@code DependsOnBranchTestOne}: a library
 * {@code a1 (lib1) -> b1 -> c1 -> d1 -> e1 -> f1} and an application {@code a2 -> b2 -> c2} where {@code c2} depends
 * on {@code c1}.
 */
class DependsOnTests {

	private final RevisionGraph graph = graph(labelled("a1", "lib1"), rev("b1", "a1"), rev("c1", "b1"),
			rev("d1", "c1"), rev("e1", "d1"), rev("f1", "e1"), rev("a2"), rev("b2", "a2"),
			dependent("c2", List.of("c1"), "b2"));

	@Test
	void aRevisionOthersDependOnIsAnAncestorButNotAHead() {
		assertThat(ids(this.graph.heads())).containsExactly("c2", "f1");
		assertThat(this.graph.ancestors("c2")).containsExactly("a1", "a2", "b1", "b2", "c1");
		assertThat(this.graph.descendants("c1")).containsExactly("c2", "d1", "e1", "f1");
	}

	@Test
	void upgradeAppliesDependenciesFirstAndCollapsesTheirRows() {
		assertThat(upgrade(this.graph, List.of(), "c2")).containsExactly("+a2 [a2]", "+b2 [b2]", "+a1 [a1, b2]",
				"+b1 [b1, b2]", "+c1 [b2, c1]", "+c2 [c2]");
		assertThat(upgrade(this.graph, List.of("c2"), "heads")).containsExactly("+d1 [c2, d1]", "+e1 [c2, e1]",
				"+f1 [c2, f1]");
	}

	@Test
	void downgradingAboveADependencyKeepsIt() {
		assertThat(downgrade(this.graph, List.of("c2", "f1"), "c1")).containsExactly("-f1 [c2, e1]", "-e1 [c2, d1]",
				"-d1 [c2]");
	}

	@Test
	void downgradingADependencyDowngradesWhatDependsOnIt() {
		assertThat(downgrade(this.graph, List.of("c2", "f1"), "b1")).containsExactly("-c2 [b2, f1]", "-f1 [b2, e1]",
				"-e1 [b2, d1]", "-d1 [b2, c1]", "-c1 [b1, b2]");
	}

	@Test
	void downgradingTheDependentRestoresTheDependencyRow() {
		assertThat(downgrade(this.graph, List.of("c2", "d1"), "b2")).containsExactly("-c2 [b2, d1]");
		assertThat(downgrade(this.graph, List.of("c2"), "c2-1")).containsExactly("-c2 [b2, c1]");
	}

	@Test
	void stampsAcrossADependency() {
		assertThat(this.graph.stampRows(List.of("e1", "c2"), "b1")).containsExactly("b1");
		assertThat(this.graph.stampRows(List.of("f1", "c2"), "lib1@base")).isEmpty();
	}

	@Test
	void headIsAmbiguousWithALibraryBranchThatIsAnEffectiveHead() {
		RevisionGraph graph = graph(labelled("l1", "lib"), rev("l2", "l1"), dependent("p1", List.of("l2")));
		assertThat(ids(graph.heads())).containsExactly("p1");
		assertThat(ids(graph.branchHeads())).containsExactly("l2", "p1");
		assertThat(graph.isEffectiveHead("l2")).isTrue();
		assertThatThrownBy(() -> graph.resolveOne("head")).isInstanceOf(MultipleHeadsException.class)
			.hasMessage("Target 'head' matches 2 heads (l2, p1); use 'heads', 'lib@head', or 'migrate merge heads'");
		assertThat(graph.resolveOne("lib@head").id()).isEqualTo("l2");
		assertThat(upgrade(graph, List.of(), "heads")).containsExactly("+l1 [l1]", "+l2 [l2]", "+p1 [p1]");
		assertThat(downgrade(graph, List.of("p1"), "lib@base")).containsExactly("-p1 [l2]", "-l2 [l1]", "-l1 []");
	}

	@Test
	void dependsOnMayNameABranchLabel() {
		RevisionGraph graph = graph(labelled("l1", "lib"), rev("l2", "l1"), dependent("p1", List.of("lib")));
		assertThat(graph.get("p1").get().dependsOn()).containsExactly("l1");
		assertThat(upgrade(graph, List.of(), "p1")).containsExactly("+l1 [l1]", "+p1 [p1]");
		assertThat(ids(graph.heads())).containsExactly("l2", "p1");
	}

	@Test
	void aDependencyOnAnAncestorChangesNothing() {
		RevisionGraph graph = graph(rev("a"), rev("b", "a"), dependent("c", List.of("a"), "b"));
		assertThat(upgrade(graph, List.of(), "head")).containsExactly("+a [a]", "+b [b]", "+c [c]");
		assertThat(downgrade(graph, List.of("c"), "base")).containsExactly("-c [b]", "-b [a]", "-a []");
	}

	@Test
	void aCrissCrossOfDependenciesPlansBothWays() {
		// Alembic's DependsOnBranchTestThree: b2 depends on a2, a3 depends on b1
		RevisionGraph graph = graph(rev("a1"), rev("a2", "a1"), rev("b1"), dependent("b2", List.of("a2"), "b1"),
				rev("b3", "b2"), dependent("a3", List.of("b1"), "a2"));
		assertThat(upgrade(graph, List.of(), "heads")).containsExactly("+a1 [a1]", "+a2 [a2]", "+b1 [a2, b1]",
				"+a3 [a3]", "+b2 [a3, b2]", "+b3 [a3, b3]");
		assertThat(downgrade(graph, List.of("a3", "b3"), "b1")).containsExactly("-b3 [a3, b2]", "-b2 [a3]");
	}

}
