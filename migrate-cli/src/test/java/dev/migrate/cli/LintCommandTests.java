package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate lint}: its three formats, severities from the command line, and its exit codes. No database:
 * the engine comes from {@code --dialect}.
 */
class LintCommandTests {

	@TempDir
	Path directory;

	private CliRunner cli;

	@BeforeEach
	void writeScripts() throws IOException {
		Path scripts = Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(scripts.resolve("a1_create_account.sql"), "-- create account\n-- Revision ID: a1\n\n"
				+ "-- migrate:upgrade\nCREATE TABLE account (id int PRIMARY KEY, email varchar(200));\n");
		Files.writeString(scripts.resolve("b2_index_email.sql"), "-- index email\n-- Revision ID: b2\n-- Revises: a1\n\n"
				+ "-- migrate:upgrade\nCREATE INDEX account_email ON account (email);\n"
				+ "ALTER TABLE account DROP COLUMN email;\n");
		this.cli = new CliRunner(this.directory);
	}

	@Test
	void textListsEachFindingWithItsFixAndFailsOnAnError() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEqualTo(String.join("\n",
				"migrations/b2_index_email.sql:6: error PG01 CREATE INDEX on an existing table without CONCURRENTLY",
				"    CREATE INDEX account_email ON account (email)",
				"    PostgreSQL holds a SHARE lock on account for the whole index build: inserts, updates and deletes"
						+ " wait until it ends",
				"    fix: CREATE INDEX CONCURRENTLY, alone in a revision with 'Transactional: false'",
				"migrations/b2_index_email.sql:7: warning ALL02 DROP COLUMN of an existing table",
				"    ALTER TABLE account DROP COLUMN email",
				"    drops account.email and its values: deployed code that still uses it fails from the moment this"
						+ " commits",
				"    fix: stop reading and writing the column first, drop it in a later release; suppress with the"
						+ " reason",
				"2 findings (1 error, 1 warning) in 2 revisions for postgresql", ""));
	}

	@Test
	void warningsAloneExitZero() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "mysql");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).endsWith("1 finding (0 errors, 1 warning) in 2 revisions for mysql\n");
	}

	@Test
	void aSeverityFromTheCommandLineWins() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql", "--severity", "PG01=off",
				"--severity", "all02=error");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains(": error ALL02 ").doesNotContain("PG01");
	}

	@Test
	void aRangeLimitsTheRevisionsReported() {
		CliRunner.Result result = this.cli.run("lint", "a1", "--dialect", "postgresql");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("0 findings (0 errors, 0 warnings) in 1 revision for postgresql\n");
	}

	@Test
	void jsonHoldsEveryField() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql", "--format", "json", "--severity",
				"ALL02=off");
		assertThat(result.out()).isEqualTo("{\"engine\":\"postgresql\",\"revisions\":2,\"repeatables\":0,"
				+ "\"suppressed\":0,\"skipped\":[],\"errors\":1,\"findings\":[{\"code\":\"PG01\",\"severity\":\"error\",\"revision\":\"b2\","
				+ "\"file\":\"migrations/b2_index_email.sql\",\"line\":6,"
				+ "\"statement\":\"CREATE INDEX account_email ON account (email)\",\"message\":\"PostgreSQL holds a"
				+ " SHARE lock on account for the whole index build: inserts, updates and deletes wait until it"
				+ " ends\",\"fix\":\"CREATE INDEX CONCURRENTLY, alone in a revision with 'Transactional: false'\"}]}\n");
	}

	@Test
	void githubWritesWorkflowAnnotations() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql", "--format", "github");
		assertThat(result.out().lines().toList()).containsExactly(
				"::error file=migrations/b2_index_email.sql,line=6,title=PG01 CREATE INDEX on an existing table without"
						+ " CONCURRENTLY::PostgreSQL holds a SHARE lock on account for the whole index build: inserts,"
						+ " updates and deletes wait until it ends. Fix: CREATE INDEX CONCURRENTLY, alone in a revision"
						+ " with 'Transactional: false'",
				"::warning file=migrations/b2_index_email.sql,line=7,title=ALL02 DROP COLUMN of an existing table::drops"
						+ " account.email and its values: deployed code that still uses it fails from the moment this"
						+ " commits. Fix: stop reading and writing the column first, drop it in a later release;"
						+ " suppress with the reason",
				"::notice title=migrate lint::2 findings (1 error, 1 warning) in 2 revisions for postgresql");
	}

	@Test
	void aBadSeverityIsAUsageError() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql", "--severity", "PG01=loud");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("--severity takes CODE=LEVEL, a rule's code (such as PG01 or ALL01) and"
				+ " error, warning, info or off; got 'PG01=loud'");
	}

	@Test
	void withoutADialectOrUrlItSaysWhatToSet() {
		CliRunner.Result result = this.cli.run("lint");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("lint needs a dialect: pass --dialect");
	}

}
