package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bad input through the packaged jar: each gives one clear message, no stack trace, and exit code 1 or 2.
 */
class FailuresIT {

	@TempDir
	Path directory;

	@BeforeEach
	void createScripts() throws IOException {
		Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(this.directory.resolve("migrations/a1b2c3d4e5f6_create_account.sql"), """
				-- create account
				--
				-- Revision ID: a1b2c3d4e5f6
				-- Revises:

				-- migrate:upgrade
				CREATE TABLE account (id INT PRIMARY KEY);

				-- migrate:downgrade
				DROP TABLE account;
				""");
	}

	@Test
	void unknownTargetNamesTheTarget() {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			JarRunner.Result result = new JarRunner(this.directory).run("upgrade", "f00dfeed", "--url", db.url());
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.err()).startsWith("FAILED: ").contains("'f00dfeed'").doesNotContain("\tat ");
			assertThat(result.out()).isEmpty();
		}
	}

	@Test
	void unreachableDatabaseIsAConfigurationError() {
		JarRunner.Result result = new JarRunner(this.directory).run("current", "--url",
				"jdbc:postgresql://127.0.0.1:9/app?connectTimeout=2&password=Sup3rS3cret");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: ").doesNotContain("Sup3rS3cret", "\tat ");
		assertThat(result.err().lines().count()).isBetween(1L, 2L);
	}

	@Test
	void badPasswordIsAConfigurationErrorAndIsNeverPrinted() {
		assumeTrue(TestDatabases.isAvailable(Engine.MARIADB), "MariaDB is not available");
		try (TestDatabase db = TestDatabases.create(Engine.MARIADB)) {
			JarRunner.Result result = new JarRunner(this.directory).env("MIGRATE_PASSWORD", "Wr0ngPassw0rd")
				.run("current", "--url", db.url(), "--user", "migrate_nobody");
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
			assertThat(result.err()).startsWith("FAILED: ").doesNotContain("Wr0ngPassw0rd", "\tat ");
		}
	}

	@Test
	void malformedMigrationFileNamesTheFile() throws IOException {
		Files.writeString(this.directory.resolve("migrations/b2_broken.sql"), "CREATE TABLE broken (id INT);\n");
		JarRunner.Result result = new JarRunner(this.directory).run("heads");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).startsWith("FAILED: ").contains("b2_broken.sql:1: expected the header")
			.doesNotContain("\tat ");
	}

	@Test
	void failedMigrationNamesFileLineAndWhatStayedCommitted() throws IOException {
		Files.writeString(this.directory.resolve("migrations/b2c3d4e5f6a7_broken.sql"), """
				-- broken
				--
				-- Revision ID: b2c3d4e5f6a7
				-- Revises: a1b2c3d4e5f6

				-- migrate:upgrade
				CREATE TABLE fine (id INT);
				CREATE TABLE broken (id INT;

				-- migrate:downgrade
				DROP TABLE broken;
				""");
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			JarRunner cli = new JarRunner(this.directory).env("MIGRATE_URL", db.url());
			JarRunner.Result result = cli.run("upgrade", "heads");
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.out()).startsWith("Running upgrade <base> -> a1b2c3d4e5f6, create account (");
			assertThat(result.err()).startsWith("FAILED: Revision 'b2c3d4e5f6a7' (")
				.contains("b2c3d4e5f6a7_broken.sql:", "statement 2 of 2", "[a1b2c3d4e5f6]")
				.doesNotContain("\tat ");
			assertThat(cli.run("current").out()).isEqualTo("a1b2c3d4e5f6\n");

			Files.writeString(this.directory.resolve("migrations/a1b2c3d4e5f6_create_account.sql"),
					Files.readString(this.directory.resolve("migrations/a1b2c3d4e5f6_create_account.sql"))
						.replace("id INT PRIMARY KEY", "id BIGINT PRIMARY KEY"));
			JarRunner.Result validate = cli.run("validate");
			assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(1);
			assertThat(validate.err()).startsWith("FAILED: ").contains("a1b2c3d4e5f6");
		}
	}

	@Test
	void debugShowsTheStackTrace() {
		JarRunner.Result result = new JarRunner(this.directory).run("upgrade", "f00dfeed", "--url", "jdbc:sqlite:x.db",
				"--debug");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains("\tat dev.migrate.core.");
	}

}
