package dev.migrate.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RevisionTests {

	@Test
	void baseAndMergePointFollowFromRevises() {
		Revision base = new Revision("ae1027a6acf", List.of(), Set.of(), List.of(), "init", null, "a.sql");
		Revision merge = new Revision("27c6a30d7c24", List.of("a", "b"), Set.of(), List.of(), "merge", null, "m.sql");
		assertThat(base.isBase()).isTrue();
		assertThat(base.isMergePoint()).isFalse();
		assertThat(merge.isBase()).isFalse();
		assertThat(merge.isMergePoint()).isTrue();
	}

	@Test
	void rejectsTargetGrammarCharactersInIdsNamingTheSource() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Revision("ae10+1", List.of(), Set.of(), List.of(), "", null, "db/x.sql"))
			.withMessage("Revision id 'ae10+1' in db/x.sql is not valid: use 1 to 32 letters, digits or underscores"
					+ " (no '@', '-', '+', ':' or spaces)");
	}

	@Test
	void rejectsARevisionThatRevisesItself() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Revision("abc", List.of("abc"), Set.of(), List.of(), "", null, "db/x.sql"))
			.withMessage("Revision 'abc' in db/x.sql revises or depends on itself");
	}

	@Test
	void copiesCollectionsSoTheRecordIsImmutable() {
		List<String> revises = new java.util.ArrayList<>(List.of("a"));
		Revision revision = new Revision("b", revises, Set.of("billing"), List.of(), null, null, "b.sql");
		revises.add("c");
		assertThat(revision.revises()).containsExactly("a");
		assertThat(revision.message()).isEmpty();
	}

}
