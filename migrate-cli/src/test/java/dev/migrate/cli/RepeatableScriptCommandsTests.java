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
 * A repeatable script in {@code history}, {@code check} and {@code upgrade}, in process on a real SQLite database.
 */
class RepeatableScriptCommandsTests {

	@TempDir
	Path directory;

	private TestDatabase db;

	private CliRunner cli;

	private Path view;

	@BeforeEach
	void writeScripts() throws IOException {
		Path scripts = Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(scripts.resolve("a1_create_account.sql"), "-- create account\n--\n-- Revision ID: a1\n"
				+ "-- Revises:\n\n-- migrate:upgrade\nCREATE TABLE account (id INT, active INT);\n\n"
				+ "-- migrate:downgrade\nDROP TABLE account;\n");
		this.view = scripts.resolve("active_accounts.sql");
		writeView("SELECT id FROM account WHERE active = 1");
		this.db = TestDatabases.create(Engine.SQLITE);
		this.cli = new CliRunner(this.directory).env("MIGRATE_URL", this.db.url());
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void historyListsRepeatableScriptsAfterTheRevisionsWithTheirStateWhenAskedForIt() {
		assertThat(this.cli.run("history").out()).isEqualTo("<base> -> a1 (head), create account\n"
				+ "repeatable active_accounts (depends on a1), the active accounts view\n");
		assertThat(this.cli.run("history", "-i").out()).isEqualTo("<base> -> a1 (head), create account\n"
				+ "repeatable active_accounts (depends on a1) (waiting), the active accounts view\n");
		CliRunner.Result up = this.cli.run("upgrade", "heads");
		assertThat(up.out())
			.endsWith("now at a1 (head); applied repeatable script active_accounts\n");
		assertThat(this.cli.run("history", "-i").out()).isEqualTo("<base> -> a1 (head) (current), create account\n"
				+ "repeatable active_accounts (depends on a1) (applied), the active accounts view\n");
	}

	@Test
	void checkFailsOnAChangedRepeatableScriptUntilAnUpgradeReappliesIt() throws IOException {
		assertThat(this.cli.run("upgrade", "heads").exitCode()).isZero();
		CliRunner.Result upToDate = this.cli.run("check");
		assertThat(upToDate.exitCode()).isZero();
		assertThat(upToDate.out()).isEqualTo("OK: the database is at a1 (head), nothing is pending\n");

		writeView("SELECT id FROM account WHERE active <> 0");
		CliRunner.Result changed = this.cli.run("check");
		assertThat(changed.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(changed.err()).isEqualTo("FAILED: The database has 1 pending repeatable script (active_accounts:"
				+ " changed since it was applied); run 'migrate upgrade heads'\n");

		CliRunner.Result upgrade = this.cli.run("upgrade", "heads");
		assertThat(upgrade.out()).endsWith("Nothing to upgrade; already at a1 (head); applied repeatable script"
				+ " active_accounts\n");
		assertThat(this.cli.run("check").exitCode()).isZero();
	}

	private void writeView(String select) throws IOException {
		Files.writeString(this.view, "-- the active accounts view\n-- Repeatable: active_accounts\n"
				+ "-- Depends On: a1\n\n-- migrate:upgrade\nDROP VIEW IF EXISTS active_accounts;\n"
				+ "CREATE VIEW active_accounts AS " + select + ";\n");
	}

}
