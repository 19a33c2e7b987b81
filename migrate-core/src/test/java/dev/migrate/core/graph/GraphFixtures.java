package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Compact builders for inline graphs, as Alembic's tests build their maps.
 */
final class GraphFixtures {

	private GraphFixtures() {
	}

	static Revision rev(String id, String... revises) {
		return new Revision(id, List.of(revises), Set.of(), List.of(), "", null, "db/" + id + ".sql");
	}

	static Revision labelled(String id, String label, String... revises) {
		return new Revision(id, List.of(revises), Set.of(label), List.of(), "", null, "db/" + id + ".sql");
	}

	static Revision dependent(String id, List<String> dependsOn, String... revises) {
		return new Revision(id, List.of(revises), Set.of(), dependsOn, "", null, "db/" + id + ".sql");
	}

	static RevisionGraph graph(Revision... revisions) {
		return RevisionGraph.of(Arrays.asList(revisions));
	}

	/**
	 * @return each step as {@code +id [rows after]} or {@code -id [rows after]}
	 */
	static List<String> steps(List<Step> steps) {
		List<String> result = new ArrayList<>();
		for (Step step : steps) {
			result.add(((step.direction() == Direction.UPGRADE) ? "+" : "-") + step.revision().id() + " "
					+ new ArrayList<>(step.rowsAfter()));
		}
		return result;
	}

	static List<String> upgrade(RevisionGraph graph, List<String> rows, String target) {
		List<Step> plan = graph.plan(rows, target, Direction.UPGRADE);
		checkChained(rows, plan);
		return steps(plan);
	}

	static List<String> downgrade(RevisionGraph graph, List<String> rows, String target) {
		List<Step> plan = graph.plan(rows, target, Direction.DOWNGRADE);
		checkChained(rows, plan);
		return steps(plan);
	}

	static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

	// each step starts where the previous one ended, and the first where the table is
	private static void checkChained(List<String> rows, List<Step> plan) {
		Set<String> expected = Set.copyOf(rows);
		for (Step step : plan) {
			if (!step.rowsBefore().equals(expected)) {
				throw new AssertionError("step " + step + " does not start at " + expected);
			}
			expected = step.rowsAfter();
		}
	}

}
