package dev.migrate.core.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.graph.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RepeatableAndCallbackLoadingTests {

	@TempDir
	Path dir;

	@Test
	void loadsRepeatableScriptsApartFromRevisionsSortedByName() throws IOException {
		write("a1_accounts.sql", revision("a1", "CREATE TABLE accounts (id INT);"));
		write("views/zz_totals.sql", repeatable("totals", "a1", "CREATE VIEW totals AS SELECT COUNT(*) AS n FROM accounts;"));
		write("views/active.sql", repeatable("active_accounts", null, "CREATE VIEW active_accounts AS SELECT id FROM accounts;"));
		ScriptDirectory scripts = load();
		assertThat(scripts.revisions()).extracting(Revision::id).containsExactly("a1");
		assertThat(scripts.repeatables()).extracting(RepeatableScript::name).containsExactly("active_accounts", "totals");
		RepeatableScript totals = scripts.repeatables().get(1);
		assertThat(totals.dependsOn()).containsExactly("a1");
		assertThat(totals.dependsOnLine()).isEqualTo(3);
		assertThat(totals.nameLine()).isEqualTo(2);
		assertThat(totals.message()).isEqualTo("totals view");
		assertThat(totals.checksum()).hasSize(64);
		assertThat(totals.statements(SqlSyntax.POSTGRESQL))
			.containsExactly(new SqlStatement("CREATE VIEW totals AS SELECT COUNT(*) AS n FROM accounts", 6));
	}

	@Test
	void loadsCallbackFilesByNameAsPlainSqlThatIsNotARevision() throws IOException {
		write("a1_accounts.sql", revision("a1", "CREATE TABLE accounts (id INT);"));
		write("beforeUpgrade.sql", "INSERT INTO audit VALUES ('before');\nINSERT INTO audit VALUES ('again');\n");
		write("more/afterEachRevision.sql", "UPDATE audit SET n = n + 1;\n");
		write("AfterUpgrade.sql", revision("a2", "SELECT 1;").replace("Revises: ", "Revises: a1"));
		ScriptDirectory scripts = load();
		assertThat(scripts.revisions()).extracting(Revision::id).containsExactly("a1", "a2");
		assertThat(scripts.callbacks(CallbackEvent.BEFORE_UPGRADE)).singleElement().satisfies((callback) -> {
			assertThat(callback.location()).endsWith("/beforeUpgrade.sql");
			assertThat(callback.statements(SqlSyntax.H2)).containsExactly(
					new SqlStatement("INSERT INTO audit VALUES ('before')", 1),
					new SqlStatement("INSERT INTO audit VALUES ('again')", 2));
		});
		assertThat(scripts.callbacks(CallbackEvent.AFTER_EACH_REVISION)).extracting(CallbackScript::location)
			.singleElement()
			.asString()
			.endsWith("/more/afterEachRevision.sql");
		assertThat(scripts.callbacks(CallbackEvent.AFTER_UPGRADE)).isEmpty();
		assertThat(scripts.hasCallbacks()).isTrue();
		assertThat(List.of(CallbackEvent.values())).extracting(CallbackEvent::fileName)
			.contains("beforeUpgrade.sql", "afterUpgrade.sql", "beforeEachRevision.sql", "afterEachRevision.sql",
					"afterUpgradeError.sql", "beforeDowngrade.sql", "afterDowngrade.sql", "beforeEachDowngrade.sql",
					"afterEachDowngrade.sql", "afterDowngradeError.sql");
	}

	@Test
	void refusesARepeatableScriptWithARevisionIdNamingTheFileAndLine() throws IOException {
		Path file = write("v.sql", "-- Repeatable: totals\n-- Revision ID: a9\n\n-- migrate:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
			.withMessage(file + ":2: a repeatable script has no 'Revision ID': it is named by its 'Repeatable' header"
					+ " (line 1) and re-applied whenever it changes; remove the 'Revision ID' line, or the 'Repeatable'"
					+ " line to make the file a revision");
	}

	@Test
	void refusesTwoRepeatableScriptsWithOneName() throws IOException {
		Path first = write("a.sql", repeatable("totals", null, "SELECT 1;"));
		Path second = write("b.sql", repeatable("totals", null, "SELECT 2;"));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
			.withMessage(second + ":2: repeatable script 'totals' is already defined by " + first
					+ ":2; give one of them another 'Repeatable' name");
	}

	@Test
	void refusesADependsOnRevisionThatDoesNotExist() throws IOException {
		write("a1_accounts.sql", revision("a1", "CREATE TABLE accounts (id INT);"));
		Path file = write("v.sql", repeatable("totals", "a1, zz9", "SELECT 1;"));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
			.withMessage(file + ":3: repeatable script 'totals' depends on revision 'zz9', which does not exist;"
					+ " fix its 'Depends On:' header");
	}

	@Test
	void refusesADowngradeSectionRevisesAndAnInvalidName() throws IOException {
		Path file = write("v.sql", repeatable("totals", null, "SELECT 1;\n-- migrate:downgrade\nSELECT 2;"));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
			.withMessageStartingWith(file + ":7: a repeatable script has no downgrade section");
		write("v.sql", "-- Repeatable: totals\n-- Revises: a1\n\n-- migrate:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
			.withMessageStartingWith(file + ":2: a repeatable script has no 'Revises'");
		write("v.sql", "-- Repeatable: my view\n\n-- migrate:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
			.withMessageStartingWith(file + ":1: repeatable name 'my view' is not valid");
	}

	@Test
	void keepsTheMissingRevisionIdErrorForOrdinaryScripts() throws IOException {
		Path file = write("x.sql", "-- just a comment\n\n-- migrate:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
			.withMessageStartingWith(file + ":1: the header has no 'Revision ID'");
	}

	@Test
	void refusesARepeatableNamedLikeARevision() throws IOException {
		write("a1_accounts.sql", revision("a1", "CREATE TABLE accounts (id INT);"));
		Path file = write("v.sql", repeatable("a1", null, "SELECT 1;"));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
			.withMessageStartingWith(file + ":2: repeatable name 'a1' is also the id of revision ");
	}

	private ScriptDirectory load() {
		return ScriptDirectory.load(List.of("filesystem:" + this.dir), getClass().getClassLoader(), List.of(), true);
	}

	private static String revision(String id, String upgrade) {
		return "-- create " + id + "\n-- Revision ID: " + id + "\n-- Revises: \n\n-- migrate:upgrade\n" + upgrade + "\n";
	}

	private static String repeatable(String name, String dependsOn, String upgrade) {
		return "-- " + name + " view\n-- Repeatable: " + name + "\n"
				+ ((dependsOn != null) ? "-- Depends On: " + dependsOn + "\n" : "-- Transactional: true\n")
				+ "\n-- migrate:upgrade\n" + upgrade + "\n";
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		return file;
	}

}
