package dev.migrate.cli;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.core.RevisionInfo;

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
		List<RevisionInfo> twoRoots = List.of(revision("y", List.of("x"), "y", true, false),
				revision("q", List.of("p"), "q", true, false), revision("x", List.of(), "x", false, false),
				revision("p", List.of(), "p", false, false));
		assertThat(GraphRenderer.render(twoRoots, Set.of())).containsExactly("*  y (head), y", "| *  q (head), q",
				"* |  x, x", " /", "*  p, p");
	}

	@Test
	void octopusMergeOpensEveryParentInOneRow() {
		List<RevisionInfo> octopus = List.of(revision("m", List.of("b", "c", "d"), "m", true, false),
				revision("d", List.of("a"), "d", false, false), revision("c", List.of("a"), "c", false, false),
				revision("b", List.of("a"), "b", false, false), revision("a", List.of(), "a", false, true));
		assertThat(GraphRenderer.render(octopus, Set.of())).containsExactly("*  m (head) (mergepoint), m", "|\\ \\",
				"| | *  d, d", "| * |  c, c", "| |/", "* |  b, b", "|/", "*  a (branchpoint), a");
	}

	@Test
	void distantColumnsJoinAlongTheBottom() {
		List<RevisionInfo> crossed = List.of(revision("m2", List.of("x", "c"), "m2", true, false),
				revision("m1", List.of("b", "y"), "m1", true, false), revision("y", List.of("a"), "y", false, false),
				revision("x", List.of("a"), "x", false, false), revision("c", List.of("a"), "c", false, false),
				revision("b", List.of("a"), "b", false, false), revision("a", List.of(), "a", false, true));
		assertThat(GraphRenderer.render(crossed, Set.of())).containsExactly("*  m2 (head) (mergepoint), m2", "|\\",
				"| | *  m1 (head) (mergepoint), m1", "| | |\\", "| | | *  y, y", "* | | |  x, x", "|_|_|/", "| * |  c, c",
				"|/ /", "| *  b, b", "|/", "*  a (branchpoint), a");
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
