package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans on several hundred random graphs (branches, merges, depends-on, labelled bases), checked against a naive
 * model: the version rows are the applied revisions that no applied revision revises or depends on.
 */
class RandomGraphTests {

	private static final long SEED = 20261124L;

	@Test
	void upgradesEveryRandomGraphFromBaseToHeadsAndBackVisitingEachRevisionOnce() {
		SplittableRandom random = new SplittableRandom(SEED);
		for (int round = 0; round < 500; round++) {
			List<Revision> revisions = randomGraph(random);
			RevisionGraph graph = RevisionGraph.of(shuffled(revisions, random));
			Map<String, Revision> byId = byId(revisions);
			String context = "round " + round + ": " + revisions;

			List<Step> up = graph.plan(List.of(), "heads", Direction.UPGRADE);
			Set<String> applied = new HashSet<>();
			for (Step step : up) {
				Revision revision = step.revision();
				assertThat(applied).as(context).doesNotContain(revision.id());
				assertThat(applied).as(context).containsAll(revision.revises()).containsAll(revision.dependsOn());
				assertThat(step.rowsBefore()).as(context).isEqualTo(naiveRows(applied, byId));
				applied.add(revision.id());
				assertThat(step.rowsAfter()).as(context).isEqualTo(naiveRows(applied, byId));
				assertThat(new ArrayList<>(step.rowsAfter())).as(context)
					.isEqualTo(new ArrayList<>(naiveRows(applied, byId)));
			}
			assertThat(applied).as(context).hasSize(revisions.size());
			Set<String> atHeads = naiveRows(applied, byId);
			assertThat(atHeads).as(context).isEqualTo(new TreeSet<>(GraphFixtures.ids(graph.heads())));
			assertThat(graph.stampRows(List.of(), "heads")).as(context).isEqualTo(atHeads);

			List<Step> down = graph.plan(atHeads, "base", Direction.DOWNGRADE);
			for (Step step : down) {
				Revision revision = step.revision();
				assertThat(applied).as(context).contains(revision.id());
				for (String other : applied) {
					Revision dependent = byId.get(other);
					assertThat(dependent.revises().contains(revision.id()) || dependent.dependsOn().contains(revision.id()))
						.as(context + ": %s is still applied when %s goes", other, revision.id())
						.isFalse();
				}
				assertThat(step.rowsBefore()).as(context).isEqualTo(naiveRows(applied, byId));
				applied.remove(revision.id());
				assertThat(step.rowsAfter()).as(context).isEqualTo(naiveRows(applied, byId));
				assertThat(new ArrayList<>(step.rowsBefore())).as(context)
					.isEqualTo(new ArrayList<>(naiveRows(with(applied, revision.id()), byId)));
			}
			assertThat(down).as(context).hasSize(revisions.size());
			assertThat(applied).as(context).isEmpty();
		}
	}

	@Test
	void keepsTheRowsRightWhenMovingBetweenRandomRevisions() {
		SplittableRandom random = new SplittableRandom(SEED + 1);
		for (int round = 0; round < 300; round++) {
			List<Revision> revisions = randomGraph(random);
			RevisionGraph graph = RevisionGraph.of(revisions);
			Map<String, Revision> byId = byId(revisions);
			String context = "round " + round + ": " + revisions;
			Set<String> applied = new HashSet<>();
			Set<String> rows = Set.of();
			for (int move = 0; move < 6; move++) {
				String target = revisions.get(random.nextInt(revisions.size())).id();
				boolean up = !applied.contains(target);
				if (!up && !rows.contains(target) && applied.stream()
					.noneMatch((id) -> byId.get(id).revises().contains(target))) {
					// applied only as a dependency: as in Alembic, nothing lies above it to downgrade
					Set<String> before = rows;
					assertThatThrownBy(() -> graph.plan(before, target, Direction.DOWNGRADE))
						.isInstanceOf(RangeNotAncestorException.class);
					continue;
				}
				List<Step> steps = graph.plan(rows, target, up ? Direction.UPGRADE : Direction.DOWNGRADE);
				for (Step step : steps) {
					assertThat(step.rowsBefore()).as(context).isEqualTo(naiveRows(applied, byId));
					if (up) {
						applied.add(step.revision().id());
					}
					else {
						applied.remove(step.revision().id());
					}
					assertThat(step.rowsAfter()).as(context).isEqualTo(naiveRows(applied, byId));
				}
				assertThat(applied).as(context).contains(target);
				assertThat(applied).as(context).containsAll(graph.ancestors(target));
				if (!up) {
					for (String child : childrenOf(target, revisions)) {
						assertThat(applied).as(context).doesNotContain(child);
					}
				}
				rows = naiveRows(applied, byId);
				assertThat(graph.stampRows(rows, target)).as(context).contains(target);
			}
		}
	}

	private static Set<String> with(Set<String> applied, String id) {
		Set<String> result = new HashSet<>(applied);
		result.add(id);
		return result;
	}

	private static List<String> childrenOf(String id, List<Revision> revisions) {
		return revisions.stream().filter((r) -> r.revises().contains(id)).map(Revision::id).toList();
	}

	static List<Revision> randomGraph(SplittableRandom random) {
		int n = 1 + random.nextInt(40);
		List<String> ids = new ArrayList<>();
		Set<String> used = new HashSet<>();
		while (ids.size() < n) {
			String id = String.format("%08x", random.nextInt() & 0x7fffffff);
			if (used.add(id)) {
				ids.add(id);
			}
		}
		List<Revision> revisions = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Set<String> parents = new LinkedHashSet<>();
			double shape = random.nextDouble();
			if (i > 0 && shape > 0.1) {
				int count = (shape > 0.85) ? 2 + random.nextInt(2) : 1;
				for (int k = 0; k < count; k++) {
					parents.add(ids.get(random.nextInt(i)));
				}
			}
			List<String> dependsOn = new ArrayList<>();
			if (i > 1 && random.nextDouble() < 0.25) {
				String dependency = ids.get(random.nextInt(i));
				if (!parents.contains(dependency)) {
					dependsOn.add(dependency);
				}
			}
			Set<String> labels = (parents.isEmpty() && random.nextBoolean()) ? Set.of("label" + i) : Set.of();
			revisions.add(new Revision(ids.get(i), List.copyOf(parents), labels, dependsOn, "", null,
					"db/" + ids.get(i) + ".sql"));
		}
		return revisions;
	}

	private static Set<String> naiveRows(Set<String> applied, Map<String, Revision> byId) {
		Set<String> implied = new HashSet<>();
		for (String id : applied) {
			implied.addAll(byId.get(id).revises());
			implied.addAll(byId.get(id).dependsOn());
		}
		Set<String> rows = new TreeSet<>(applied);
		rows.removeAll(implied);
		return rows;
	}

	private static Map<String, Revision> byId(List<Revision> revisions) {
		Map<String, Revision> result = new HashMap<>();
		revisions.forEach((r) -> result.put(r.id(), r));
		return result;
	}

	private static List<Revision> shuffled(List<Revision> revisions, SplittableRandom random) {
		List<Revision> copy = new ArrayList<>(revisions);
		for (int i = copy.size() - 1; i > 0; i--) {
			Collections.swap(copy, i, random.nextInt(i + 1));
		}
		return copy;
	}

}
