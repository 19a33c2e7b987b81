package dev.migrate.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrate.cli.entities.Account;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate revision --autogenerate} and {@code migrate check --model}, in process: check fails before the
 * generated revision is applied and passes after.
 */
class AutogenerateCommandTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "SQLITE", "POSTGRESQL" })
	void autogeneratesFromTheModelAndChecksAgainstIt(Engine engine) throws Exception {
		try (TestDatabase db = TestDatabases.create(engine)) {
			CliRunner cli = new CliRunner(this.directory).env("MIGRATE_URL", db.url());
			if (db.user() != null) {
				cli.env("MIGRATE_USER", db.user());
			}
			assertThat(cli.run("init").exitCode()).isZero();
			Path model = Files.writeString(this.directory.resolve("schema.sql"),
					"create table account (id integer primary key, email varchar(200) not null);\n"
							+ "create index ix_account_email on account (email);\n",
					StandardCharsets.UTF_8);

			CliRunner.Result before = cli.run("check", "--model", "schema.sql");
			assertThat(before.exitCode()).as(before.toString()).isEqualTo(1);
			assertThat(before.err()).contains("FAILED: The database differs from the model schema.sql in 1 way:"
					+ " create table account; run 'migrate revision --autogenerate -m MESSAGE --model schema.sql'");

			CliRunner.Result generated = cli.run("revision", "--autogenerate", "-m", "add account", "--model",
					"schema.sql", "--rev-id", "a1b2c3d4e5f6");
			assertThat(generated.exitCode()).as(generated.toString()).isZero();
			assertThat(generated.out()).startsWith("Detected create table account\nGenerating ")
				.contains("a1b2c3d4e5f6_add_account.sql ...  done");

			assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
			CliRunner.Result after = cli.run("check", "--model", model.toString());
			assertThat(after.exitCode()).as(after.toString()).isZero();
			assertThat(after.out()).contains("nothing is pending, and it matches the model");

			CliRunner.Result none = cli.run("revision", "--autogenerate", "-m", "again", "--model", "schema.sql");
			assertThat(none.exitCode()).as(none.toString()).isZero();
			assertThat(none.out()).isEqualTo("No changes detected\n");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "SQLITE", "POSTGRESQL" })
	void autogeneratesFromJpaEntitiesOnTheClasspath(Engine engine) throws Exception {
		try (TestDatabase db = TestDatabases.create(engine)) {
			CliRunner cli = new CliRunner(this.directory).env("MIGRATE_URL", db.url());
			if (db.user() != null) {
				cli.env("MIGRATE_USER", db.user());
			}
			assertThat(cli.run("init").exitCode()).isZero();
			String classes = Path.of(Account.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();

			CliRunner.Result generated = cli.run("revision", "--autogenerate", "-m", "add account", "--model",
					"jpa:dev.migrate.cli.entities", "--classpath", classes, "--rev-id", "a1b2c3d4e5f6");
			assertThat(generated.exitCode()).as(generated.toString()).isZero();
			assertThat(generated.out()).startsWith("Detected create table account\nGenerating ");
			assertThat(cli.run("upgrade", "heads").exitCode()).isZero();

			CliRunner.Result check = cli.run("check", "--model", "jpa:dev.migrate.cli.entities", "--classpath",
					classes);
			assertThat(check.exitCode()).as(check.toString()).isZero();
			assertThat(check.out()).contains("and it matches the model jpa:dev.migrate.cli.entities");
			CliRunner.Result none = cli.run("revision", "--autogenerate", "-m", "again", "--model",
					"jpa:dev.migrate.cli.entities");
			assertThat(none.out()).isEqualTo("No changes detected\n");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "SQLITE" })
	void namesAMissingClasspathEntryAndABadPackage(Engine engine) throws Exception {
		try (TestDatabase db = TestDatabases.create(engine)) {
			CliRunner cli = new CliRunner(this.directory).env("MIGRATE_URL", db.url());
			assertThat(cli.run("init").exitCode()).isZero();
			CliRunner.Result missing = cli.run("check", "--model", "jpa:dev.migrate.cli.entities", "--classpath",
					"no-such-dir");
			assertThat(missing.exitCode()).isNotZero();
			assertThat(missing.err()).contains("None of the --classpath entries exists (no-such-dir)");
			CliRunner.Result bad = cli.run("check", "--model", "jpa:com.example/shop");
			assertThat(bad.exitCode()).isNotZero();
			assertThat(bad.err()).contains("'com.example/shop' in the model 'jpa:com.example/shop' is not a Java"
					+ " package name");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "SQLITE" })
	void refusesAutogenerateWithoutAModel(Engine engine) throws Exception {
		try (TestDatabase db = TestDatabases.create(engine)) {
			CliRunner cli = new CliRunner(this.directory).env("MIGRATE_URL", db.url());
			assertThat(cli.run("init").exitCode()).isZero();
			CliRunner.Result result = cli.run("revision", "--autogenerate", "-m", "x");
			assertThat(result.exitCode()).isEqualTo(2);
			assertThat(result.err()).contains("--autogenerate needs --model FILE");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "SQLITE", "POSTGRESQL" })
	void writesLintFindingsIntoTheGeneratedRevisionAsReviewComments(Engine engine) throws Exception {
		try (TestDatabase db = TestDatabases.create(engine)) {
			CliRunner cli = new CliRunner(this.directory).env("MIGRATE_URL", db.url());
			if (db.user() != null) {
				cli.env("MIGRATE_USER", db.user());
			}
			assertThat(cli.run("init").exitCode()).isZero();
			Files.writeString(this.directory.resolve("schema.sql"),
					"create table account (id integer primary key, email varchar(200));\n"
							+ "create table audit (id integer primary key);\n", StandardCharsets.UTF_8);
			assertThat(cli.run("revision", "--autogenerate", "-m", "add", "--model", "schema.sql", "--rev-id", "a1")
				.exitCode()).isZero();
			assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
			Files.writeString(this.directory.resolve("schema.sql"),
					"create table account (id integer primary key, email varchar(200));\n"
							+ "create index ix_account_email on account (email);\n", StandardCharsets.UTF_8);
			// A repeatable script's finding is reported by lint, never written into the new revision.
			Files.writeString(this.directory.resolve("migrations/R_account_view.sql"),
					"-- Repeatable: account_view\n\n-- migrate:upgrade\nALTER TABLE account DROP COLUMN email;\n",
					StandardCharsets.UTF_8);
			CliRunner.Result generated = cli.run("revision", "--autogenerate", "-m", "drop audit", "--model",
					"schema.sql", "--rev-id", "b2");
			assertThat(generated.exitCode()).as(generated.toString()).isZero();
			String script = Files.readString(this.directory.resolve("migrations/b2_drop_audit.sql"));
			assertThat(script).contains("-- REVIEW lint ALL01 (warning): drops audit and its rows: deployed code that"
					+ " still uses it fails from the moment this commits, and no downgrade brings the rows back. Fix:"
					+ " drop it in a later release, once no deployed code reads it; suppress with the reason when"
					+ " that is so\n");
			if (engine == Engine.POSTGRESQL) {
				assertThat(script).contains("-- REVIEW lint PG01 (error): PostgreSQL holds a SHARE lock on account");
			}
			else {
				assertThat(script).doesNotContain("PG01");
			}
			assertThat(script).doesNotContain("ALL02");
			assertThat(cli.run("lint", "b2:b2").out()).contains("ALL01")
				.contains("migrations/R_account_view.sql:4: warning ALL02 DROP COLUMN of an existing table")
				.contains(" in 1 revision and 1 repeatable script for ");
		}
	}

}
