package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.graph.Revision;
import dev.migrate.core.script.ScriptDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigratorRevisionTests {

	@TempDir
	Path dir;

	@Test
	void theFirstRevisionIsABaseInTheFirstFileSystemLocation() {
		Path file = migrator().revision(request("Create accounts", List.of(), "a1"));
		assertThat(file).isEqualTo(this.dir.resolve("a1_create_accounts.sql"));
		Revision revision = load("a1");
		assertThat(revision.isBase()).isTrue();
		assertThat(revision.message()).isEqualTo("Create accounts");
		assertThat(revision.createDate()).isNotNull();
	}

	@Test
	void aNewRevisionRevisesTheHead() {
		migrator().revision(request("one", List.of(), "a1"));
		migrator().revision(request("two", List.of(), "b2"));
		assertThat(load("b2").revises()).containsExactly("a1");
	}

	@Test
	void generatesATwelveDigitHexIdWhenNoneIsGiven() throws IOException {
		Path file = migrator().revision(request("one", List.of(), null));
		assertThat(file.getFileName().toString()).matches("[0-9a-f]{12}_one\\.sql");
		assertThat(Files.readString(file)).contains("-- Revision ID: " + file.getFileName().toString().substring(0, 12));
	}

	@Test
	void refusesToReviseWhenThereAreSeveralHeadsAndSaysHowToChoose() {
		migrator().revision(request("one", List.of(), "a1"));
		migrator().revision(request("two", List.of(), "b2"));
		migrator().revision(new NewRevision("three", null, List.of("a1"), true, List.of(), List.of(), "c3"));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().revision(request("four", List.of(), "d4")))
			.withMessage("'head' matches 2 heads (b2, c3); revise one of them ('<label>@head' or its id), or run"
					+ " 'migrate merge heads' first");
	}

	@Test
	void refusesToReviseARevisionThatIsNotAHeadWithoutSplice() {
		migrator().revision(request("one", List.of(), "a1"));
		migrator().revision(request("two", List.of(), "b2"));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().revision(request("three", List.of("a1"), "c3")))
			.withMessage("Revision 'a1' is not a head; pass --splice to start a new branch from it, or revise a head");
	}

	@Test
	void mergeRevisesEveryHead() {
		migrator().revision(request("one", List.of(), "a1"));
		migrator().revision(request("two", List.of(), "b2"));
		migrator().revision(new NewRevision("three", null, List.of("a1"), true, List.of(), List.of(), "c3"));
		Path file = migrator().merge(new NewRevision(null, null, List.of("heads"), false, List.of(), List.of(), "m4"));
		assertThat(file.getFileName().toString()).isEqualTo("m4_merge_b2_c3.sql");
		Revision merge = load("m4");
		assertThat(merge.revises()).containsExactly("b2", "c3");
		assertThat(merge.isMergePoint()).isTrue();
		assertThat(migrator().revision(request("five", List.of(), "e5"))).exists();
		assertThat(load("e5").revises()).containsExactly("m4");
	}

	@Test
	void mergeNeedsTwoRevisions() {
		migrator().revision(request("one", List.of(), "a1"));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().merge(request("m", List.of(), "m2")))
			.withMessage("Nothing to merge: heads names only 'a1'; name two or more revisions, or 'heads' when there"
					+ " are several heads");
	}

	@Test
	void writesBranchLabelsAndDependencies() {
		migrator().revision(request("one", List.of(), "a1"));
		migrator().revision(new NewRevision("billing", null, List.of("base"), false, List.of("billing"),
				List.of("a1"), "b2"));
		Revision billing = load("b2");
		assertThat(billing.isBase()).isTrue();
		assertThat(billing.branchLabels()).containsExactly("billing");
		assertThat(billing.dependsOn()).containsExactly("a1");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().revision(new NewRevision("again", null, List.of("base"), false,
					List.of("billing"), List.of(), "c3")))
			.withMessage("Branch label 'billing' is already used by revision 'b2'; choose another label");
	}

	@Test
	void refusesABranchLabelThatEqualsAnIdOrAKeywordBeforeWritingAnything() throws IOException {
		migrator().revision(request("one", List.of(), "aaaa00000001"));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().revision(new NewRevision("two", null, List.of(), false,
					List.of("aaaa00000001"), List.of(), "b2")))
			.withMessage("Branch label 'aaaa00000001' equals the id of revision 'aaaa00000001' (" + this.dir
					+ "/aaaa00000001_one.sql), so targets could not tell them apart; choose another label");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().revision(new NewRevision("two", null, List.of(), false, List.of("c3"),
					List.of(), "c3")))
			.withMessageStartingWith("Branch label 'c3' equals the id of revision 'c3' (the new one)");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().revision(new NewRevision("two", null, List.of(), false, List.of("head"),
					List.of(), "b2")))
			.withMessage("Branch label 'head' is a target keyword (head, heads, base, current); choose another label");
		try (var files = Files.list(this.dir)) {
			assertThat(files).hasSize(1);
		}
		assertThat(migrator().heads()).extracting(RevisionInfo::id).containsExactly("aaaa00000001");
	}

	@Test
	void refusesARevisionIdThatIsATargetKeyword() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().revision(request("one", List.of(), "heads")))
			.withMessageContaining("Revision id 'heads'")
			.withMessageContaining("is a target keyword (head, heads, base, current), which no target could name;"
					+ " choose another id");
	}

	@Test
	void needsADirectoryWhenNoLocationIsOnTheFileSystem() {
		Migrator migrator = Migrator.create(MigrateConfig.builder().locations("classpath:nothing/here").build());
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> migrator.revision(request("one", List.of(), "a1")))
			.withMessage("There is no directory to write the new revision to: pass one (--directory) or add a"
					+ " 'filesystem:' location to 'locations' (now [classpath:nothing/here])");
	}

	@Test
	void needsAMessage() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator().revision(request(" ", List.of(), "a1")))
			.withMessage("migrate revision needs a message (-m \"what it does\")");
	}

	private Migrator migrator() {
		return Migrator.create(MigrateConfig.builder().locations("filesystem:" + this.dir).build());
	}

	private static NewRevision request(String message, List<String> head, String id) {
		return new NewRevision(message, null, head, false, List.of(), List.of(), id);
	}

	private Revision load(String id) {
		return ScriptDirectory.load(List.of("filesystem:" + this.dir), getClass().getClassLoader(), List.of(), true)
			.get(id)
			.orElseThrow()
			.revision();
	}

}
