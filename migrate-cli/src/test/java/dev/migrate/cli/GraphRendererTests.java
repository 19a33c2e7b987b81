package dev.migrate.cli;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrate.cli.RevisionFixtures.revision;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text graph, and the dot and Mermaid diagrams, per topology.
 */
class GraphRendererTests {

	@Test
	void linearHistoryIsOneColumn() {
		assertThat(GraphRenderer.render(RevisionFixtures.linear(), Set.of("b"))).containsExactly(
				"*  c (head), third", "*  b (current), second", "*  a, first");
	}

	@Test
	void branchPointJoinsItsBranches() {
		assertThat(GraphRenderer.render(RevisionFixtures.branched(), Set.of())).containsExactly(
				"*  c (head), right", "| *  b (head), left", "|/", "*  a (branchpoint), root");
	}

	@Test
	void diamondOpensAtTheMergeAndClosesAtTheBranchPoint() {
		assertThat(GraphRenderer.render(RevisionFixtures.diamond(), Set.of())).containsExactly(
				"*  m (head) (mergepoint), merge", "|\\", "| *  c, right", "* |  b, left", "|/",
				"*  a (branchpoint), root");
	}

	@Test
	void independentBasesEndTheirColumns() {
		List<dev.migrate.core.RevisionInfo> twoRoots = List.of(revision("y", List.of("x"), "y", true, false),
				revision("q", List.of("p"), "q", true, false), revision("x", List.of(), "x", false, false),
				revision("p", List.of(), "p", false, false));
		assertThat(GraphRenderer.render(twoRoots, Set.of())).containsExactly("*  y (head), y", "| *  q (head), q",
				"* |  x, x", " /", "*  p, p");
	}

	@Test
	void dotDrawsUpgradeArrowsAndBoldHeads() {
		assertThat(DiagramRenderer.dot(RevisionFixtures.branched(), Set.of("b"))).containsExactly("digraph revisions {",
				"  node [shape=box, fontname=\"monospace\"];", "  \"c\" [label=\"c (head)\\nright\", style=bold];",
				"  \"b\" [label=\"b (head) (current)\\nleft\", style=bold];", "  \"a\" [label=\"a (branchpoint)\\nroot\"];",
				"  \"a\" -> \"c\";", "  \"a\" -> \"b\";", "}");
	}

	@Test
	void mermaidPrefixesNodeIdsAndMarksHeads() {
		assertThat(DiagramRenderer.mermaid(RevisionFixtures.diamond(), Set.of())).containsExactly("flowchart TD",
				"  r_m[\"m (head) (mergepoint)<br/>merge\"]:::head", "  r_c[\"c<br/>right\"]", "  r_b[\"b<br/>left\"]",
				"  r_a[\"a (branchpoint)<br/>root\"]", "  r_b --> r_m", "  r_c --> r_m", "  r_a --> r_c", "  r_a --> r_b",
				"  classDef head font-weight:bold");
	}

}
