package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast walk gives exactly the order of Alembic's own (the quadratic {@link AlembicTopologicalWalk}) on random
 * graphs with branches, merges, labels and dependencies, over the whole graph and over random subsets, and walks
 * shapes whose ancestor sets Alembic's would rescan a hundred thousand times.
 */
class BranchWalkTests {

	@Test
	void ordersRandomGraphsAsAlembicsWalkDoes() {
		SplittableRandom random = new SplittableRandom(20261206L);
		for (int g = 0; g < 500; g++) {
			RevisionGraph graph = RevisionGraph.of(RandomGraphTests.randomGraph(random));
			int n = graph.revisions.length;
			boolean[] all = new boolean[n];
			java.util.Arrays.fill(all, true);
			assertThat(BranchWalk.order(graph, all, graph.heads)).as("graph %d, every revision", g)
				.containsExactly(AlembicTopologicalWalk.order(graph, all, graph.heads));
			for (int s = 0; s < 5; s++) {
				boolean[] members = new boolean[n];
				List<Integer> starts = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					members[i] = random.nextInt(4) > 0;
					if (members[i] && random.nextInt(3) == 0) {
						starts.add(i);
					}
				}
				int[] heads = starts.stream().mapToInt(Integer::intValue).toArray();
				assertThat(BranchWalk.order(graph, members, heads)).as("graph %d, subset %d", g, s)
					.containsExactly(AlembicTopologicalWalk.order(graph, members, heads));
			}
		}
	}

	@Test
	void walksAFanOfOneHundredThousandHeadsLastHeadFirstAsAlembicDoes() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(GraphFixtures.rev("root"));
		for (int i = 0; i < 100_000; i++) {
			revisions.add(GraphFixtures.rev("r" + (1_000_000 + i), "root"));
		}
		RevisionGraph graph = RevisionGraph.of(revisions);
		boolean[] all = new boolean[graph.revisions.length];
		java.util.Arrays.fill(all, true);
		int[] order = BranchWalk.order(graph, all, graph.heads);
		assertThat(order).hasSize(100_001);
		assertThat(graph.revisions[order[0]].id()).isEqualTo("r1000000");
		assertThat(graph.revisions[order[99_999]].id()).isEqualTo("r1099999");
		assertThat(graph.revisions[order[100_000]].id()).isEqualTo("root");
	}

}
