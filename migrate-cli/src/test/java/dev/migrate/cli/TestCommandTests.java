package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate test}, in process: the scratch database it picks, one line per revision, the details of a
 * downgrade that leaves a trace, the exit codes, and the refusal of a non-empty database.
 */
class TestCommandTests {

	@TempDir
	Path directory;

	@Test
	void testsOnATemporarySqliteFileWhenTheProjectUsesSqlite() throws IOException {
		CliRunner cli = new CliRunner(this.directory).env("MIGRATE_URL", "jdbc:sqlite:app.db");
		assertThat(cli.run("init").exitCode()).isZero();
		writeRevisions(false);

		CliRunner.Result broken = cli.run("test");

		assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
		assertThat(broken.out()).startsWith("""
				Testing the migrations on a temporary SQLite file (the configured URL, from MIGRATE_URL, is sqlite)
				Stairway on sqlite: 2 revisions, each upgraded, downgraded and upgraded again
				  a0001  ok              customer
				  b0002  leaves a trace  customer name index
				Heads: b0002 ok

				b0002 (migrations/b0002_customer_name_index.sql) leaves a trace: after its downgrade the schema differs from before its upgrade:
				  left behind: index ix_customer_name on customer (name)
				  Its downgrade also needs:
				    DROP INDEX "ix_customer_name";
				""")
			.endsWith("Migration tests FAILED.\n");
		assertThat(this.directory.resolve("app.db")).doesNotExist();

		writeRevisions(true);
		CliRunner.Result fixed = cli.run("test");
		assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
		assertThat(fixed.out()).contains("  b0002  ok  customer name index\n").endsWith("All migration tests passed.\n");

		Files.writeString(this.directory.resolve("schema.sql"),
				"create table customer (id integer primary key, name varchar(50));\n");
		CliRunner.Result model = cli.run("test", "--model", "schema.sql");
		assertThat(model.exitCode()).as(model.toString()).isEqualTo(1);
		assertThat(model.out()).contains("Model schema.sql: 1 difference(s)\n", """
				The schema at heads differs from the model schema.sql:
				  not in the model: index ix_customer_name on customer (name)
				  A new revision would need:
				    DROP INDEX "ix_customer_name";
				""");
	}

	@Test
	void testsOnInMemoryH2WhenNoEngineIsNamed() throws IOException {
		CliRunner cli = new CliRunner(this.directory);
		assertThat(cli.run("init").exitCode()).isZero();
		writeRevisions(true);

		CliRunner.Result result = cli.run("test");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).startsWith("Testing the migrations on an in-memory H2 database (no dialect or URL is"
				+ " configured)\nStairway on h2: 2 revisions");
	}

	@Test
	void needsAUrlWhenTheProjectUsesAServerEngine() throws IOException {
		CliRunner cli = new CliRunner(this.directory).env("MIGRATE_URL", "jdbc:postgresql://db.example/app");
		assertThat(cli.run("init").exitCode()).isZero();
		writeRevisions(true);

		CliRunner.Result result = cli.run("test");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: migrate test needs an empty scratch database: the configured URL, from"
				+ " MIGRATE_URL, is postgresql, whose SQL an embedded database would not run; pass --url with an"
				+ " empty postgresql database (the configured URL is left alone)\n");
	}

	@Test
	void refusesANonEmptyDatabaseUnlessAllowed() throws IOException {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			CliRunner cli = new CliRunner(this.directory);
			assertThat(cli.run("init").exitCode()).isZero();
			writeRevisions(true);
			db.execute("create table precious (id integer)");

			CliRunner.Result refused = cli.run("test", "--url", db.url());
			assertThat(refused.exitCode()).isEqualTo(2);
			assertThat(refused.err()).startsWith("FAILED: The database is not empty (table precious); the migration"
					+ " tests downgrade to base and would drop it: point them at an empty scratch database, or allow a"
					+ " non-empty one explicitly (--url, --allow-non-empty)\n");

			CliRunner.Result allowed = cli.run("test", "--url", db.url(), "--allow-non-empty");
			assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
		}
	}

	private void writeRevisions(boolean fixed) throws IOException {
		Path scripts = this.directory.resolve("migrations");
		Files.writeString(scripts.resolve("a0001_customer.sql"), """
				-- customer
				--
				-- Revision ID: a0001
				-- Revises:
				-- Create Date: 2026-12-01 10:00:00

				-- migrate:upgrade
				create table customer (id integer primary key, name varchar(50));

				-- migrate:downgrade
				drop table customer;
				""");
		Files.writeString(scripts.resolve("b0002_customer_name_index.sql"), """
				-- customer name index
				--
				-- Revision ID: b0002
				-- Revises: a0001
				-- Create Date: 2026-12-01 10:05:00

				-- migrate:upgrade
				create index ix_customer_name on customer (name);

				-- migrate:downgrade
				""" + (fixed ? "drop index ix_customer_name;\n" : ""));
	}

}
