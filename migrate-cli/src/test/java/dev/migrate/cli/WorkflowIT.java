package dev.migrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alembic's whole workflow through the packaged jar, on SQLite and PostgreSQL: init, three revisions,
 * upgrade, current, downgrade -1, upgrade +1, a branch, a merge, upgrade heads, history, stamp, check and
 * offline SQL, asserting the output and the database.
 */
class WorkflowIT {

	private static final String ACCOUNT = "a1b2c3d4e5f6";

	private static final String INVOICE = "b2c3d4e5f6a7";

	private static final String PAYMENT = "c3d4e5f6a7b8";

	private static final String AUDIT = "d4e5f6a7b8c9";

	private static final String MERGE = "e5f6a7b8c9d0";

	private static final String MILLIS = "\\d+ ms";

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "SQLITE", "POSTGRESQL" })
	void runsTheAlembicWorkflow(Engine engine) throws Exception {
		try (TestDatabase db = TestDatabases.create(engine)) {
			JarRunner cli = new JarRunner(this.directory).env("MIGRATE_URL", db.url());
			if (db.user() != null) {
				cli.env("MIGRATE_USER", db.user());
			}
			if (db.password() != null) {
				cli.env("MIGRATE_PASSWORD", db.password());
			}
			ok(cli.run("init"));
			revision(cli, "create account", ACCOUNT, "CREATE TABLE account (id INT PRIMARY KEY)", "DROP TABLE account");
			revision(cli, "add invoice", INVOICE, "CREATE TABLE invoice (id INT PRIMARY KEY)", "DROP TABLE invoice");
			Path payment = revision(cli, "add payment", PAYMENT, "CREATE TABLE payment (id INT PRIMARY KEY)",
					"DROP TABLE payment");
			assertThat(payment).content().contains("Revises: " + INVOICE);

			JarRunner.Result upgrade = ok(cli.run("upgrade", "head"));
			assertThat(upgrade.outLines()).hasSize(4);
			assertThat(upgrade.outLines().get(0)).matches("Running upgrade <base> -> " + ACCOUNT + ", create account \\(" + MILLIS + "\\)");
			assertThat(upgrade.outLines().get(2)).matches("Running upgrade " + INVOICE + " -> " + PAYMENT + ", add payment \\(" + MILLIS + "\\)");
			assertThat(upgrade.outLines().get(3)).matches("Upgraded 3 revisions in " + MILLIS + "; now at " + PAYMENT + " \\(head\\)");
			assertThat(tables(db)).contains("account", "invoice", "payment");
			assertThat(versionRows(db)).containsExactly(PAYMENT);

			assertThat(ok(cli.run("current")).out()).isEqualTo(PAYMENT + " (head)\n");

			JarRunner.Result downgrade = ok(cli.run("downgrade", "-1"));
			assertThat(downgrade.outLines()).satisfiesExactly(
					(line) -> assertThat(line).matches("Running downgrade " + PAYMENT + " -> " + INVOICE + ", add payment \\(" + MILLIS + "\\)"),
					(line) -> assertThat(line).matches("Downgraded 1 revision in " + MILLIS + "; now at " + INVOICE));
			assertThat(tables(db)).contains("invoice").doesNotContain("payment");
			assertThat(versionRows(db)).containsExactly(INVOICE);

			assertThat(ok(cli.run("upgrade", "+1")).outLines().get(1))
				.matches("Upgraded 1 revision in " + MILLIS + "; now at " + PAYMENT + " \\(head\\)");

			Path audit = revision(cli, "add audit", AUDIT, "CREATE TABLE audit (id INT PRIMARY KEY)", "DROP TABLE audit",
					"--head", INVOICE, "--splice");
			assertThat(audit).content().contains("Revises: " + INVOICE);
			assertThat(ok(cli.run("heads")).outLines()).containsExactlyInAnyOrder(PAYMENT + " (head)", AUDIT + " (head)");
			JarRunner.Result twoHeads = cli.run("check");
			assertThat(twoHeads.exitCode()).as(twoHeads.toString()).isEqualTo(1);
			assertThat(twoHeads.err()).contains("The scripts have 2 heads", "merge them with 'migrate merge",
					"The database has 1 pending revision (" + AUDIT + "); run 'migrate upgrade heads'");

			Path merge = written(ok(cli.run("merge", "-m", "merge audit", "heads", "--rev-id", MERGE)));
			assertThat(merge).content().containsPattern("Revises: (" + PAYMENT + ", " + AUDIT + "|" + AUDIT + ", " + PAYMENT + ")");
			JarRunner.Result upgradeHeads = ok(cli.run("upgrade", "heads"));
			assertThat(upgradeHeads.outLines()).last().asString()
				.matches("Upgraded 2 revisions in " + MILLIS + "; now at " + MERGE + " \\(head\\)");
			assertThat(tables(db)).contains("account", "invoice", "payment", "audit");
			assertThat(versionRows(db)).containsExactly(MERGE);

			JarRunner.Result history = ok(cli.run("history", "-i"));
			assertThat(history.outLines()).hasSize(5);
			assertThat(history.outLines().get(0)).matches("(" + PAYMENT + ", " + AUDIT + "|" + AUDIT + ", " + PAYMENT + ") -> " + MERGE
					+ " \\(head\\) \\(current\\) \\(mergepoint\\), merge audit");
			assertThat(history.outLines()).contains(INVOICE + " -> " + PAYMENT + ", add payment",
					INVOICE + " -> " + AUDIT + ", add audit", ACCOUNT + " -> " + INVOICE + " (branchpoint), add invoice");
			assertThat(history.outLines().get(4)).isEqualTo("<base> -> " + ACCOUNT + ", create account");
			JarRunner.Result graph = ok(cli.run("history", "--graph"));
			assertThat(graph.outLines()).startsWith("*  " + MERGE + " (head) (mergepoint), merge audit", "|\\")
				.contains("|/")
				.endsWith("*  " + ACCOUNT + ", create account");

			assertThat(ok(cli.run("stamp", INVOICE, "--purge")).out())
				.isEqualTo("Stamped " + MERGE + " (head) -> " + INVOICE + "\n");
			assertThat(versionRows(db)).containsExactly(INVOICE);
			assertThat(tables(db)).contains("payment", "audit");
			JarRunner.Result pending = cli.run("check");
			assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(1);
			assertThat(pending.err()).contains("The database has 3 pending revisions").doesNotContain("heads (");
			ok(cli.run("stamp", "heads"));
			assertThat(ok(cli.run("check")).out())
				.isEqualTo("OK: the database is at " + MERGE + " (head), nothing is pending\n");

			JarRunner.Result offline = ok(cli.run("upgrade", "base:" + ACCOUNT, "--sql"));
			assertThat(offline.out()).containsIgnoringCase("CREATE TABLE account").contains(ACCOUNT);
			JarRunner.Result offlineDown = ok(cli.run("downgrade", INVOICE + ":base", "--sql"));
			assertThat(offlineDown.out()).containsIgnoringCase("DROP TABLE invoice").containsIgnoringCase("DROP TABLE account");
			assertThat(versionRows(db)).containsExactly(MERGE);
		}
	}

	private static JarRunner.Result ok(JarRunner.Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

	private static Path written(JarRunner.Result result) {
		assertThat(result.out()).as(result.toString()).matches("Generating .+ \\.\\.\\.  done\\R");
		String line = result.out().strip();
		return Path.of(line.substring("Generating ".length(), line.length() - " ...  done".length()));
	}

	// Writes the revision with the command, then replaces its sections (the generated header stays).
	private static Path revision(JarRunner cli, String message, String id, String upgrade, String downgrade,
			String... options) throws IOException {
		List<String> args = new ArrayList<>(List.of("revision", "-m", message, "--rev-id", id));
		args.addAll(List.of(options));
		Path file = written(ok(cli.run(args.toArray(String[]::new))));
		assertThat(file.getFileName().toString()).startsWith(id).endsWith(".sql");
		String content = Files.readString(file, StandardCharsets.UTF_8);
		int sections = content.indexOf("-- migrate:upgrade");
		assertThat(sections).as(content).isPositive();
		Files.writeString(file, content.substring(0, sections) + "-- migrate:upgrade\n" + upgrade
				+ ";\n\n-- migrate:downgrade\n" + downgrade + ";\n", StandardCharsets.UTF_8);
		assertThat(content).contains("Revision ID: " + id, message);
		return file;
	}

	private static List<String> tables(TestDatabase db) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = db.connect()) {
			DatabaseMetaData metaData = connection.getMetaData();
			try (ResultSet rows = metaData.getTables(connection.getCatalog(), null, "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		return tables;
	}

	private static List<String> versionRows(TestDatabase db) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT * FROM migrate_version")) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
