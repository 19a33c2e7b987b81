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
 * The example graphs of Alembic's branching documentation ({@code docs/build/branches.rst}), in process on SQLite:
 * {@code history}, {@code heads}, {@code current} and {@code show} print the lines Alembic 1.19 prints for the same
 * scripts (recorded from Alembic 1.19.2; where the documentation's own listings are older, Alembic's output wins).
 */
class BranchingDocumentationTests {

	@TempDir
	Path directory;

	private TestDatabase db;

	private CliRunner cli;

	private Path scripts;

	@BeforeEach
	void createScripts() throws IOException {
		this.scripts = Files.createDirectories(this.directory.resolve("migrations"));
		script("1975ea83b712", "", "", "", "create account table");
		script("27c6a30d7c24", "1975ea83b712", "shoppingcart", "", "add shopping cart table");
		this.db = TestDatabases.create(Engine.SQLITE);
		this.cli = new CliRunner(this.directory).env("MIGRATE_URL", this.db.url());
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void shoppingCartBranchCarriesItsLabelOnEveryRevision() throws IOException {
		script("ae1027a6acf", "1975ea83b712", "", "", "add a column");
		script("d747a8a8879", "27c6a30d7c24", "", "", "add a shopping cart column");
		assertThat(lines("history")).containsExactly("1975ea83b712 -> ae1027a6acf (head), add a column",
				"27c6a30d7c24 -> d747a8a8879 (shoppingcart) (head), add a shopping cart column",
				"1975ea83b712 -> 27c6a30d7c24 (shoppingcart), add shopping cart table",
				"<base> -> 1975ea83b712 (branchpoint), create account table");
		assertThat(lines("heads")).containsExactly("ae1027a6acf (head)", "d747a8a8879 (shoppingcart) (head)");
		assertThat(lines("history", "-r", "shoppingcart:")).containsExactly(
				"27c6a30d7c24 -> d747a8a8879 (shoppingcart) (head), add a shopping cart column",
				"1975ea83b712 -> 27c6a30d7c24 (shoppingcart), add shopping cart table");
		assertThat(lines("history", "-r", ":shoppingcart@head")).containsExactly(
				"27c6a30d7c24 -> d747a8a8879 (shoppingcart) (head), add a shopping cart column",
				"1975ea83b712 -> 27c6a30d7c24 (shoppingcart), add shopping cart table",
				"<base> -> 1975ea83b712 (branchpoint), create account table");
		assertThat(lines("history", "-r", "shoppingcart@base:")).containsExactly(
				"27c6a30d7c24 -> d747a8a8879 (shoppingcart) (head), add a shopping cart column",
				"1975ea83b712 -> 27c6a30d7c24 (shoppingcart), add shopping cart table",
				"<base> -> 1975ea83b712 (branchpoint), create account table");
		assertThat(this.cli.run("show", "shoppingcart").out()).isEqualTo("Rev: 27c6a30d7c24\n"
				+ "Parent: 1975ea83b712\nBranch names: shoppingcart\n"
				+ "Path: " + this.scripts.resolve("27c6a30d7c24_add_shopping_cart_table.sql") + "\n\n"
				+ "    add shopping cart table\n    \n    Revision ID: 27c6a30d7c24\n    Revises: 1975ea83b712\n"
				+ "    Create Date: 2014-11-20 13:03:11.436407\n\n");
		assertThat(this.cli.run("upgrade", "heads").exitCode()).isZero();
		assertThat(lines("current")).containsExactlyInAnyOrder("d747a8a8879 (head)", "ae1027a6acf (head)");
		// shoppingcart@base is the base both branches share: everything goes
		assertThat(this.cli.run("downgrade", "shoppingcart@base").exitCode()).isZero();
		assertThat(lines("current")).isEmpty();
		assertThat(this.cli.run("upgrade", "shoppingcart@head").exitCode()).isZero();
		assertThat(lines("current")).containsExactly("d747a8a8879 (head)");
	}

	@Test
	void networkingBranchDependsOnAnAccountRevisionThatBecomesAnEffectiveHead() throws IOException {
		script("ae1027a6acf", "1975ea83b712", "", "", "Add a column");
		script("55af2cb1c267", "ae1027a6acf", "", "", "add another account column");
		script("3cac04ae8714", "", "networking", "", "create networking branch");
		script("109ec7d132bf", "3cac04ae8714", "", "", "add ip number table");
		script("29f859a13ea", "109ec7d132bf", "", "", "add DNS table");
		script("2a95102259be", "29f859a13ea", "", "55af2cb1c267", "add ip account table");
		String[] fromNetworking = { "29f859a13ea (55af2cb1c267) -> 2a95102259be (networking) (head), add ip account table",
				"109ec7d132bf -> 29f859a13ea (networking), add DNS table",
				"3cac04ae8714 -> 109ec7d132bf (networking), add ip number table",
				"<base> -> 3cac04ae8714 (networking), create networking branch",
				"ae1027a6acf -> 55af2cb1c267 (effective head), add another account column",
				"1975ea83b712 -> ae1027a6acf, Add a column", "<base> -> 1975ea83b712 (branchpoint), create account table" };
		assertThat(lines("history")).containsExactly(
				"1975ea83b712 -> 27c6a30d7c24 (shoppingcart) (head), add shopping cart table", fromNetworking[0],
				fromNetworking[1], fromNetworking[2], fromNetworking[3], fromNetworking[4], fromNetworking[5],
				fromNetworking[6]);
		assertThat(lines("heads")).containsExactly("27c6a30d7c24 (shoppingcart) (head)",
				"2a95102259be (networking) (head)", "55af2cb1c267 (effective head)");
		assertThat(lines("history", "-r", ":networking@head")).containsExactly(fromNetworking);
		assertThat(lines("history", "-r", "networking@base:")).containsExactly(fromNetworking);
		CliRunner.Result head = this.cli.run("upgrade", "head");
		assertThat(head.exitCode()).isNotZero();
		assertThat(head.err()).contains("'head' matches 3 heads");
		assertThat(this.cli.run("upgrade", "heads").exitCode()).isZero();
		assertThat(lines("current")).containsExactlyInAnyOrder("27c6a30d7c24 (head)", "55af2cb1c267 (effective head)",
				"2a95102259be (head)");
		assertThat(this.cli.run("show", "55af").out()).startsWith("Rev: 55af2cb1c267 (head)\nParent: ae1027a6acf\n"
				+ "Path: ");
	}

	private java.util.List<String> lines(String... args) {
		CliRunner.Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.err()).isZero();
		return result.out().lines().toList();
	}

	private void script(String id, String revises, String labels, String dependsOn, String message) throws IOException {
		Files.writeString(this.scripts.resolve(id + "_" + message.toLowerCase().replace(' ', '_') + ".sql"),
				"-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
						+ "\n-- Create Date: 2014-11-20 13:03:11.436407\n-- Branch Labels: " + labels
						+ "\n-- Depends On: " + dependsOn + "\n\n-- migrate:upgrade\nSELECT 1;\n\n"
						+ "-- migrate:downgrade\nSELECT 1;\n");
	}

}
