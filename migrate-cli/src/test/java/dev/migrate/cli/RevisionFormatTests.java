package dev.migrate.cli;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.RevisionFormat;

import static dev.migrate.cli.RevisionFixtures.revision;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alembic's line shapes.
 */
class RevisionFormatTests {

	private final RevisionInfo labeled = new RevisionInfo("3f2a9c1b7e40", List.of("1975ea83b712"), Set.of("billing"),
			List.of("55af2cb1c267"), "add account", LocalDateTime.of(2026, 11, 24, 10, 0, 5),
			"migrations/3f2a9c1b7e40_add_account.sql", true, false, false, false, false);

	@Test
	void historyLineShowsParentsLabelsMarksAndMessage() {
		assertThat(RevisionFormat.historyLine(this.labeled, true))
			.isEqualTo("1975ea83b712 (55af2cb1c267) -> 3f2a9c1b7e40 (billing) (head) (current), add account");
		assertThat(RevisionFormat.historyLine(revision("a", List.of(), "first", false, true), false))
			.isEqualTo("<base> -> a (branchpoint), first");
		assertThat(RevisionFormat.historyLine(revision("m", List.of("b", "c"), "merge", true, false), false))
			.isEqualTo("b, c -> m (head) (mergepoint), merge");
	}

	@Test
	void headAndCurrentLinesAreShort() {
		assertThat(RevisionFormat.headLine(this.labeled)).isEqualTo("3f2a9c1b7e40 (billing) (head)");
		assertThat(RevisionFormat.currentLine(this.labeled)).isEqualTo("3f2a9c1b7e40 (head)");
		assertThat(RevisionFormat.currentLine(revision("a", List.of(), "x", false, true))).isEqualTo("a (branchpoint)");
	}

	@Test
	void logEntryIsTheFullHeader() {
		assertThat(RevisionFormat.logEntry(this.labeled, List.of(), true)).containsExactly(
				"Rev: 3f2a9c1b7e40 (head) (current)", "Parent: 1975ea83b712", "Also depends on: 55af2cb1c267",
				"Branch names: billing", "Path: migrations/3f2a9c1b7e40_add_account.sql", "", "    add account", "",
				"    Revision ID: 3f2a9c1b7e40", "    Revises: 1975ea83b712", "    Create Date: 2026-11-24 10:00:05", "");
		assertThat(RevisionFormat.logEntry(revision("a", List.of(), "root", false, true), List.of("b", "c"), false))
			.startsWith("Rev: a (branchpoint)", "Parent: <base>", "Branches into: b, c");
		assertThat(RevisionFormat.logEntry(revision("m", List.of("b", "c"), "merge", true, false), List.of(), false))
			.startsWith("Rev: m (head) (mergepoint)", "Merges: b, c");
	}

	@Test
	void rowsShowBaseOrIdsWithHeadMarks() {
		Map<String, RevisionInfo> byId = RevisionFormat.byId(RevisionFixtures.branched());
		assertThat(RevisionFormat.rows(List.of(), byId)).isEqualTo("<base>");
		assertThat(RevisionFormat.rows(List.of("b", "c"), byId)).isEqualTo("b (head), c (head)");
		assertThat(RevisionFormat.rows(List.of("a", "gone"), byId)).isEqualTo("a, gone");
	}

	@Test
	void childrenListWhatRevisesEachRevision() {
		assertThat(RevisionFormat.children(RevisionFixtures.diamond()))
			.containsEntry("a", List.of("c", "b"))
			.containsEntry("b", List.of("m"))
			.containsEntry("c", List.of("m"));
	}

}
