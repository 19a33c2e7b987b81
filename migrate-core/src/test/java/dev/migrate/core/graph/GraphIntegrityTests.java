package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrate.core.graph.GraphFixtures.dependent;
import static dev.migrate.core.graph.GraphFixtures.graph;
import static dev.migrate.core.graph.GraphFixtures.labelled;
import static dev.migrate.core.graph.GraphFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link RevisionGraph#of} rejects, each with its type, facts and message; cycles as Alembic's
 * {@code GraphWithCycleTest}.
 */
class GraphIntegrityTests {

	@Test
	void rejectsADuplicateIdNamingBothSources() {
		Revision one = new Revision("ae10", List.of(), Set.of(), List.of(), "", null, "db/one/ae10_a.sql");
		Revision two = new Revision("ae10", List.of(), Set.of(), List.of(), "", null, "db/two/ae10_b.sql");
		assertThatExceptionOfType(DuplicateRevisionException.class).isThrownBy(() -> graph(one, two))
			.withMessage("Revision 'ae10' is defined twice, in db/one/ae10_a.sql and in db/two/ae10_b.sql; give one "
					+ "of them a new id (from 'migrate revision') and update whatever revises it")
			.satisfies((ex) -> {
				assertThat(ex.getRevision()).isEqualTo("ae10");
				assertThat(ex.getSource()).isEqualTo("db/one/ae10_a.sql");
				assertThat(ex.getOtherSource()).isEqualTo("db/two/ae10_b.sql");
			});
	}

	@Test
	void rejectsAMissingParentNamingTheFileAndHeader() {
		Revision revision = new Revision("ae10", List.of("f00d"), Set.of(), List.of(), "", null,
				"db/migrations/ae10_add_users.sql");
		assertThatExceptionOfType(MissingRevisionException.class).isThrownBy(() -> graph(revision))
			.withMessage("Revision 'ae10' (db/migrations/ae10_add_users.sql) revises 'f00d', which does not exist; "
					+ "fix its 'Revises:' header")
			.satisfies((ex) -> {
				assertThat(ex.getRevision()).isEqualTo("ae10");
				assertThat(ex.getSource()).isEqualTo("db/migrations/ae10_add_users.sql");
				assertThat(ex.getMissing()).isEqualTo("f00d");
				assertThat(ex.getHeader()).isEqualTo("Revises");
			});
	}

	@Test
	void namesTheAnnotationAttributeToFixForAJavaMigration() {
		Revision revision = new Revision("b", List.of("f00d"), Set.of(), List.of(), "", null,
				"com.example.db.migrations.AddUsers");
		assertThatExceptionOfType(MissingRevisionException.class).isThrownBy(() -> graph(revision))
			.withMessage("Revision 'b' (com.example.db.migrations.AddUsers) revises 'f00d', which does not exist; "
					+ "fix its @Migration(revises = ...)");
		Revision labelled = new Revision("c", List.of(), Set.of("head"), List.of(), "", null, "com.example.C");
		assertThatExceptionOfType(BranchLabelConflictException.class).isThrownBy(() -> graph(labelled))
			.withMessage("Branch label 'head' of revision 'c' (com.example.C) is a keyword of the target grammar; "
					+ "rename the label in its @Migration(branchLabels = ...)");
	}

	@Test
	void rejectsAMissingDependency() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> graph(rev("a"), dependent("b", List.of("f00d"), "a")))
			.withMessage("Revision 'b' (db/b.sql) depends on 'f00d', which does not exist; fix its 'Depends On:' header")
			.satisfies((ex) -> assertThat(ex.getHeader()).isEqualTo("Depends On"));
	}

	@Test
	void reportsTheFirstBrokenRevisionInTheGivenOrder() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> graph(rev("z", "nope1"), rev("a", "nope2")))
			.satisfies((ex) -> assertThat(ex.getRevision()).isEqualTo("z"));
	}

	@Test
	void rejectsALabelDeclaredTwice() {
		assertThatExceptionOfType(DuplicateBranchLabelException.class)
			.isThrownBy(() -> graph(labelled("a", "billing"), labelled("b", "billing", "a")))
			.withMessage("Branch label 'billing' is declared by both 'a' (db/a.sql) and 'b' (db/b.sql); remove it "
					+ "from one of them (its 'Branch Labels:' header)")
			.satisfies((ex) -> {
				assertThat(ex.getLabel()).isEqualTo("billing");
				assertThat(ex.getRevision()).isEqualTo("a");
				assertThat(ex.getOtherRevision()).isEqualTo("b");
				assertThat(ex.getOtherSource()).isEqualTo("db/b.sql");
			});
	}

	@Test
	void rejectsALabelThatIsARevisionId() {
		assertThatExceptionOfType(BranchLabelConflictException.class)
			.isThrownBy(() -> graph(rev("a"), labelled("b", "a", "a")))
			.withMessage("Branch label 'a' of revision 'b' (db/b.sql) is also the id of the revision in db/a.sql; "
					+ "rename the label in its 'Branch Labels:' header")
			.satisfies((ex) -> assertThat(ex.getConflictingSource()).isEqualTo("db/a.sql"));
	}

	@Test
	void rejectsALabelThatIsAKeyword() {
		assertThatExceptionOfType(BranchLabelConflictException.class).isThrownBy(() -> graph(labelled("a", "heads")))
			.withMessage("Branch label 'heads' of revision 'a' (db/a.sql) is a keyword of the target grammar; rename "
					+ "the label in its 'Branch Labels:' header")
			.satisfies((ex) -> assertThat(ex.getConflictingSource()).isNull());
	}

	@Test
	void rejectsACycleOfRevisesWithoutABase() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> graph(rev("a", "c"), rev("b", "a"), rev("c", "b")))
			.withMessage("Revisions form a cycle: 'a' (db/a.sql) revises 'c' (db/c.sql), which revises 'b' "
					+ "(db/b.sql), which revises 'a'; fix the 'Revises:' header of one of them")
			.satisfies((ex) -> {
				assertThat(ex.getRevisions()).containsExactly("a", "c", "b");
				assertThat(ex.isThroughDependencies()).isFalse();
			});
	}

	@Test
	void rejectsACycleAboveAValidBase() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> graph(rev("r"), rev("a", "r", "c"), rev("b", "a"), rev("c", "b"), rev("d", "c")))
			.satisfies((ex) -> assertThat(ex.getRevisions()).containsExactly("a", "c", "b"));
	}

	@Test
	void rejectsACycleThroughADependency() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> graph(rev("a"), dependent("b", List.of("c"), "a"), rev("c", "b")))
			.withMessage("Revisions form a cycle: 'b' (db/b.sql) depends on 'c' (db/c.sql), which revises 'b'; fix "
					+ "the 'Revises:' or 'Depends On:' header of one of them")
			.satisfies((ex) -> {
				assertThat(ex.getRevisions()).containsExactly("b", "c");
				assertThat(ex.isThroughDependencies()).isTrue();
			});
	}

	@Test
	void rejectsADependencyOnItsOwnLabel() {
		Revision revision = new Revision("a", List.of(), Set.of("lib"), List.of("lib"), "", null, "db/a.sql");
		assertThatExceptionOfType(CycleDetectedException.class).isThrownBy(() -> graph(revision))
			.withMessage("Revisions form a cycle: 'a' (db/a.sql) depends on 'lib', its own branch label; fix its "
					+ "'Depends On:' header");
	}

	@Test
	void shortensTheMessageOfALongCycle() {
		List<Revision> revisions = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			revisions.add(rev("r" + i, "r" + ((i + 1) % 100_000)));
		}
		assertThatExceptionOfType(CycleDetectedException.class).isThrownBy(() -> RevisionGraph.of(revisions))
			.satisfies((ex) -> {
				assertThat(ex.getRevisions()).hasSize(100_000);
				assertThat(ex.getMessage()).contains(", ... (100000 revisions in all); fix the 'Revises:' header");
			});
	}

	@Test
	void buildsAnEmptyGraph() {
		RevisionGraph graph = graph();
		assertThat(graph.heads()).isEmpty();
		assertThat(graph.history(null)).isEmpty();
		assertThat(graph.plan(List.of(), "heads", Direction.UPGRADE)).isEmpty();
		assertThat(graph.plan(List.of(), "base", Direction.DOWNGRADE)).isEmpty();
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> graph.resolveOne("head"))
			.withMessage("Target 'head' names no revision: the graph is empty");
	}

}
