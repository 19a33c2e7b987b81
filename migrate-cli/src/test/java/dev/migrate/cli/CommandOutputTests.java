package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-only commands' output on a real SQLite database, in process: a branch point (a) with a labelled
 * branch (b, billing) and a head (c), the database at b.
 */
class CommandOutputTests {

	@TempDir
	Path directory;

	private TestDatabase db;

	private CliRunner cli;

	@BeforeEach
	void migrateToTheBranch() throws IOException {
		Path scripts = Files.createDirectories(this.directory.resolve("migrations"));
		script(scripts, "a1", "", "", "create account", "CREATE TABLE account (id INT)", "DROP TABLE account");
		script(scripts, "b2", "a1", "billing", "add invoice", "CREATE TABLE invoice (id INT)", "DROP TABLE invoice");
		script(scripts, "c3", "a1", "", "add audit", "CREATE TABLE audit (id INT)", "DROP TABLE audit");
		this.db = TestDatabases.create(Engine.SQLITE);
		this.cli = new CliRunner(this.directory).env("MIGRATE_URL", this.db.url());
		assertThat(this.cli.run("upgrade", "billing@head").exitCode()).isZero();
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void currentShowsTheDatabaseRevisionWithMarks() {
		assertThat(this.cli.run("current").out()).isEqualTo("b2 (head)\n");
		CliRunner.Result verbose = this.cli.run("current", "-v");
		assertThat(verbose.out()).startsWith("Current revision(s) for " + this.db.url() + ":\nRev: b2 (head)\n"
				+ "Parent: a1\nBranch names: billing\nPath: ");
	}

	@Test
	void repairAcceptsAnEditedAppliedScriptAndSaysWhatChanged() throws IOException {
		Path scripts = this.directory.resolve("migrations");
		script(scripts, "a1", "", "", "create account", "CREATE TABLE account (id INT, name TEXT)",
				"DROP TABLE account");
		assertThat(this.cli.run("validate").exitCode()).isEqualTo(ExitCodes.FAILED);
		CliRunner.Result repair = this.cli.run("repair");
		assertThat(repair.exitCode()).as(repair.err()).isZero();
		assertThat(repair.out()).matches("Checksum of a1 \\(" + java.util.regex.Pattern.quote(
				scripts.resolve("a1_create_account.sql").toString()) + ", applied [^)]+\\): [0-9a-f]{12} -> [0-9a-f]{12}\n");
		assertThat(this.cli.run("validate").exitCode()).isZero();
		assertThat(this.cli.run("repair").out())
			.isEqualTo("Nothing to repair: the stored checksums match the scripts and no failed run can be cleared\n");
	}

	@Test
	void currentPrintsNothingAtBase() {
		assertThat(this.cli.run("downgrade", "base").exitCode()).isZero();
		CliRunner.Result result = this.cli.run("current");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEmpty();
	}

	@Test
	void historyIndicatesCurrentAndHonoursRangesWithCurrent() {
		assertThat(this.cli.run("history", "-i").out().lines()).containsExactlyInAnyOrder(
				"a1 -> b2 (billing) (head) (current), add invoice", "a1 -> c3 (head), add audit",
				"<base> -> a1 (branchpoint), create account");
		assertThat(this.cli.run("history", "-r", "base:current").out().lines())
			.containsExactly("a1 -> b2 (billing) (head), add invoice", "<base> -> a1 (branchpoint), create account");
	}

	@Test
	void branchesListEachBranchPointWithWhereItLeads() {
		assertThat(this.cli.run("branches").out().lines()).containsExactlyInAnyOrder("a1 (branchpoint)",
				"   -> b2 (billing) (head)", "   -> c3 (head)", "");
		assertThat(this.cli.run("branches", "-v").out()).startsWith("Rev: a1 (branchpoint)\nParent: <base>\n"
				+ "Branches into: ").contains("   -> b2 (billing) (head), add invoice");
	}

	@Test
	void headsAndShowUseAlembicShapes() {
		assertThat(this.cli.run("heads").out().lines()).containsExactlyInAnyOrder("b2 (billing) (head)", "c3 (head)");
		assertThat(this.cli.run("show", "current").out()).startsWith("Rev: b2 (head) (current)\nParent: a1\n");
		assertThat(this.cli.run("show", "c3").out()).contains("Rev: c3 (head)\nParent: a1\nPath: ",
				"\n    add audit\n    \n    Revision ID: c3\n    Revises: a1\n");
	}

	@Test
	void historyDrawsDotForTheWholeGraph() {
		assertThat(this.cli.run("history", "--format", "dot").out()).startsWith("digraph revisions {\n")
			.contains("  \"a1\" -> \"b2\";\n", "  \"a1\" -> \"c3\";\n")
			.endsWith("}\n");
	}

	@Test
	void offlineSqlUsesTheDialectFlagOverTheUrl() {
		CliRunner.Result result = this.cli.run("upgrade", "base:a1", "--sql", "--dialect", "sqlserver");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("CREATE TABLE account (id INT);\n\nGO\n",
				"INSERT INTO [migrate_version] ([version_num]) VALUES ('a1');");
	}

	@Test
	void anEditedAppliedScriptMakesCheckFailAsValidateDoes() throws IOException {
		assertThat(this.cli.run("upgrade", "heads").exitCode()).isZero();
		// The fixture has two heads, which check reports on its own; the edited script must add its own line.
		assertThat(this.cli.run("check").err()).doesNotContain("a1");
		script(this.directory.resolve("migrations"), "a1", "", "", "create account",
				"CREATE TABLE account (id INT, name TEXT)", "DROP TABLE account");

		CliRunner.Result result = this.cli.run("check");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
		String validate = this.cli.run("validate").err();
		assertThat(validate).startsWith("FAILED: ").contains("a1");
		assertThat(result.err()).endsWith(validate);
	}

	@Test
	void pendingBranchMakesCheckFail() {
		CliRunner.Result result = this.cli.run("check");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(result.err()).contains("FAILED: The scripts have 2 heads (",
				"FAILED: The database has 1 pending revision (c3); run 'migrate upgrade heads'");
	}

	@Test
	void indexWritesTheIndexAndAnUpToDateUpgradeSaysSoAsWithout() throws IOException {
		CliRunner.Result index = this.cli.run("index");
		assertThat(index.exitCode()).isZero();
		Path file = this.directory.resolve("migrations").resolve("_migrate.index");
		assertThat(index.out()).contains("Indexed the scripts into " + file);
		assertThat(Files.readString(file)).startsWith("migrate-index 1\n").contains("\nheads b2 c3\n");
		assertThat(this.cli.run("upgrade", "heads").out()).contains("Upgraded 1 revision");
		CliRunner.Result upToDate = this.cli.run("upgrade", "heads");
		assertThat(upToDate.exitCode()).isZero();
		assertThat(upToDate.out()).contains("Nothing to upgrade; already at b2 (head), c3 (head)");
		CliRunner.Result head = this.cli.run("upgrade", "head");
		assertThat(head.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(head.err()).contains("Target 'head' matches 2 heads");
	}

	private static void script(Path directory, String id, String revises, String labels, String message,
			String upgrade, String downgrade) throws IOException {
		Files.writeString(directory.resolve(id + "_" + message.replace(' ', '_') + ".sql"), "-- " + message + "\n--\n"
				+ "-- Revision ID: " + id + "\n-- Revises: " + revises + "\n-- Branch Labels: " + labels + "\n\n"
				+ "-- migrate:upgrade\n" + upgrade + ";\n\n-- migrate:downgrade\n" + downgrade + ";\n");
	}

}
