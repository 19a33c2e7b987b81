package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graphs far larger than any project: nothing may recurse per revision, and wide version tables must stay cheap.
 * (Timings live in the benchmarks module.)
 */
class LargeGraphTests {

	private static final int SIZE = 100_000;

	@Test
	void walksAChainOfOneHundredThousandRevisionsWithoutRecursion() {
		List<Revision> revisions = new ArrayList<>();
		for (int i = 0; i < SIZE; i++) {
			revisions.add(GraphFixtures.rev(id(i), (i == 0) ? new String[0] : new String[] { id(i - 1) }));
		}
		RevisionGraph graph = RevisionGraph.of(revisions);
		List<Step> up = graph.plan(List.of(), "heads", Direction.UPGRADE);
		assertThat(up).hasSize(SIZE);
		assertThat(up.get(SIZE - 1).rowsAfter()).containsExactly(id(SIZE - 1));
		List<Step> down = graph.plan(List.of(id(SIZE - 1)), "base", Direction.DOWNGRADE);
		assertThat(down).hasSize(SIZE);
		assertThat(down.get(SIZE - 1).rowsAfter()).isEmpty();
		assertThat(graph.history(null)).hasSize(SIZE);
		assertThat(graph.ancestors(id(SIZE - 1))).hasSize(SIZE - 1);
		assertThat(graph.resolveOne("head-" + (SIZE - 1)).id()).isEqualTo(id(0));
		assertThat(graph.resolveOne("base+" + SIZE).id()).isEqualTo(id(SIZE - 1));
		assertThat(graph.stampRows(List.of(id(SIZE - 1)), "-" + SIZE)).isEmpty();
	}

	@Test
	void plansAFanOfOneHundredThousandHeads() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(GraphFixtures.rev("root"));
		for (int i = 0; i < SIZE; i++) {
			revisions.add(GraphFixtures.rev(id(i), "root"));
		}
		RevisionGraph graph = RevisionGraph.of(revisions);
		assertThat(graph.heads()).hasSize(SIZE);
		List<Step> up = graph.plan(List.of(), "heads", Direction.UPGRADE);
		assertThat(up).hasSize(SIZE + 1);
		assertThat(up.get(SIZE).rowsAfter()).hasSize(SIZE);
		// Alembic walks the fan from its first head down, so an upgrade applies the last head first
		assertThat(up.get(1).rowsAfter()).containsExactly(id(SIZE - 1));
		List<Step> down = graph.plan(up.get(SIZE).rowsAfter(), "root", Direction.DOWNGRADE);
		assertThat(down).hasSize(SIZE);
		assertThat(down.get(SIZE - 1).rowsAfter()).containsExactly("root");
		assertThat(down.get(0).rowsAfter()).hasSize(SIZE - 1);
	}

	private static String id(int i) {
		return "r" + (1_000_000 + i);
	}

}
