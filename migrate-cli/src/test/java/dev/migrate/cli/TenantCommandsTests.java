package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.FleetScripts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that takes tenants, in process, on three SQLite tenants in database mode: one line per tenant
 * then the summary, the exit code, the tenants' databases; the single-run options reach every tenant; usage
 * errors name the flag to fix before anything connects.
 */
class TenantCommandsTests {

	@TempDir
	Path directory;

	private CliRunner cli;

	private String url;

	@BeforeEach
	void scripts() throws IOException {
		FleetScripts.writeFirst(this.directory.resolve("migrations"));
		Files.createDirectories(this.directory.resolve("data"));
		this.cli = new CliRunner(this.directory);
		this.url = "jdbc:sqlite:" + this.directory.resolve("data") + "/{tenant}.db";
	}

	@Test
	void currentCheckUpgradeHistoryDowngradeAndStampPrintOneLinePerTenant() throws Exception {
		CliRunner.Result upgrade = run("upgrade", "f001");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(lines(upgrade)).containsExactly("a: succeeded, base -> f001 (1 revision)",
				"b: succeeded, base -> f001 (1 revision)", "c: succeeded, base -> f001 (1 revision)");
		assertThat(summary(upgrade)).matches("upgrade of 3 tenants in \\d+ ms: 3 succeeded");

		FleetScripts.writeSecond(this.directory.resolve("migrations"));
		CliRunner.Result current = run("current");
		assertThat(current.exitCode()).isZero();
		assertThat(lines(current)).containsExactly("a: pending, at f001, 1 pending revision",
				"b: pending, at f001, 1 pending revision", "c: pending, at f001, 1 pending revision");
		CliRunner.Result check = run("check");
		assertThat(check.exitCode()).isOne();
		assertThat(check.err()).contains("FAILED: 3 tenants have");

		assertThat(run("upgrade", "heads").exitCode()).isZero();
		assertThat(run("check").exitCode()).isZero();
		CliRunner.Result history = run("history");
		assertThat(history.exitCode()).isZero();
		assertThat(lines(history)).hasSize(3)
			.allSatisfy((line) -> assertThat(line).matches("[abc]: up to date, last upgrade f002 at .*"));

		CliRunner.Result stamp = run("stamp", "f001");
		assertThat(stamp.exitCode()).isZero();
		assertThat(lines(stamp)).containsExactly("a: succeeded, f002 -> f001 (1 revision)",
				"b: succeeded, f002 -> f001 (1 revision)", "c: succeeded, f002 -> f001 (1 revision)");
		CliRunner.Result downgrade = run("downgrade", "base");
		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		assertThat(lines(downgrade)).containsExactly("a: succeeded, f001 -> base (1 revision)",
				"b: succeeded, f001 -> base (1 revision)", "c: succeeded, f001 -> base (1 revision)");
		for (String tenant : List.of("a", "b", "c")) {
			assertThat(query(tenant, "SELECT COUNT(*) FROM migrate_version")).isEqualTo("0");
			assertThat(query(tenant, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'item'")).isEqualTo("0");
		}
	}

	@Test
	void aChangedRepeatableScriptLeavesNoTenantUpToDateUntilAnUpgradeRunsIt() throws Exception {
		Path view = this.directory.resolve("migrations/R_item_codes.sql");
		Files.writeString(view, itemCodes("code"));
		CliRunner.Result first = run("upgrade", "heads", "--tenants", "a,b");
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(lines(first)).containsExactly("a: succeeded, base -> f001 (1 revision), applied 1 repeatable script "
				+ "(item_codes)", "b: succeeded, base -> f001 (1 revision), applied 1 repeatable script (item_codes)");
		assertThat(run("check", "--tenants", "a,b").exitCode()).isZero();

		Files.writeString(view, itemCodes("id, code"));
		CliRunner.Result current = run("current", "--tenants", "a,b");
		assertThat(current.exitCode()).isZero();
		assertThat(lines(current)).containsExactly("a: pending, at f001, 1 pending repeatable script (item_codes)",
				"b: pending, at f001, 1 pending repeatable script (item_codes)");
		assertThat(summary(current)).endsWith(": 2 pending");
		CliRunner.Result check = run("check", "--tenants", "a,b");
		assertThat(check.exitCode()).isOne();
		assertThat(check.err()).isEqualTo("FAILED: 2 tenants have pending revisions or repeatable scripts (a, b); run "
				+ "'migrate upgrade heads' with the same tenant options\n");
		CliRunner.Result history = run("history", "--tenants", "a,b");
		assertThat(lines(history)).allSatisfy((line) -> assertThat(line)
			.matches("[ab]: pending, last repeatable item_codes at .*; at f001, 1 pending repeatable script "
					+ "\\(item_codes\\)"));

		CliRunner.Result upgrade = run("upgrade", "heads", "--tenants", "a,b");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(lines(upgrade)).containsExactly("a: succeeded, at f001, applied 1 repeatable script (item_codes)",
				"b: succeeded, at f001, applied 1 repeatable script (item_codes)");
		assertThat(query("b", "SELECT COUNT(*) FROM item_codes WHERE id = 1")).isEqualTo("1");
		CliRunner.Result after = run("current", "--tenants", "a,b");
		assertThat(lines(after)).containsExactly("a: up to date, at f001", "b: up to date, at f001");
		assertThat(run("check", "--tenants", "a,b").exitCode()).isZero();
		assertThat(lines(run("history", "--tenants", "a,b")))
			.allSatisfy((line) -> assertThat(line).matches("[ab]: up to date, last repeatable item_codes at .*"));
	}

	private static String itemCodes(String columns) {
		return "-- Repeatable: item_codes\n\n-- migrate:upgrade\nDROP VIEW IF EXISTS item_codes;\n"
				+ "CREATE VIEW item_codes AS SELECT " + columns + " FROM item;\n";
	}

	@Test
	void aFailedTenantExitsOneAndFailFastSkipsTheRest() throws Exception {
		assertThat(run("upgrade", "heads").exitCode()).isZero();
		execute("a", FleetScripts.CONFLICT);
		FleetScripts.writeSecond(this.directory.resolve("migrations"));

		CliRunner.Result failFast = run("upgrade", "heads", "--fail-fast", "--parallel", "1");

		assertThat(failFast.exitCode()).isOne();
		assertThat(lines(failFast)).hasSize(3);
		assertThat(lines(failFast).get(0)).startsWith("a: failed, Revision 'f002' (");
		assertThat(lines(failFast).subList(1, 3)).containsExactly("b: skipped", "c: skipped");
		assertThat(failFast.err()).contains("FAILED: 1 of 3 tenants (a)");
	}

	@Test
	void theSingleRunOptionsReachEveryTenant() throws Exception {
		CliRunner.Result upgrade = run("upgrade", "heads", "--version-table", "app_version", "--history-table",
				"app_history");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		for (String tenant : List.of("a", "b", "c")) {
			assertThat(query(tenant, "SELECT version_num FROM app_version")).isEqualTo("f001");
			assertThat(query(tenant, "SELECT COUNT(*) FROM app_history")).isEqualTo("1");
		}
		Path first = this.directory.resolve("migrations/f001_f001.sql");
		Files.writeString(first, Files.readString(first).replace("(1, 'a')", "(1, 'z')"));
		FleetScripts.writeSecond(this.directory.resolve("migrations"));
		CliRunner.Result validated = run("upgrade", "heads", "--version-table", "app_version", "--history-table",
				"app_history");
		assertThat(validated.exitCode()).isOne();
		assertThat(lines(validated)).allSatisfy((line) -> assertThat(line).contains(": failed, Validation failed"));
		CliRunner.Result unvalidated = run("upgrade", "heads", "--version-table", "app_version", "--history-table",
				"app_history", "--no-validate");
		assertThat(unvalidated.exitCode()).as(unvalidated.err()).isZero();
		assertThat(summary(unvalidated)).endsWith(": 3 succeeded");
	}

	@Test
	void usageErrorsNameTheFlagBeforeAnythingConnects() {
		CliRunner.Result noPlaceholder = this.cli.run("upgrade", "heads", "--tenants", "a", "--tenant-mode",
				"database", "--url", "jdbc:sqlite:data/a.db");
		assertThat(noPlaceholder.exitCode()).isEqualTo(2);
		assertThat(noPlaceholder.err()).contains("--tenant-mode database needs {tenant} in --url");
		CliRunner.Result placeholderInSchemaMode = this.cli.run("current", "--tenants", "a", "--url", this.url);
		assertThat(placeholderInSchemaMode.exitCode()).isEqualTo(2);
		assertThat(placeholderInSchemaMode.err()).contains("add --tenant-mode database");
		CliRunner.Result queryWithoutUrl = this.cli.run("current", "--tenants-query", "SELECT 'a'", "--tenant-mode",
				"database", "--url", this.url);
		assertThat(queryWithoutUrl.exitCode()).isEqualTo(2);
		assertThat(queryWithoutUrl.err()).contains("--tenants-query in database mode needs --tenants-url");
		CliRunner.Result badName = run("upgrade", "heads", "--tenants", "a,bad-name");
		assertThat(badName.exitCode()).isEqualTo(2);
		assertThat(badName.err()).contains("Tenant name 'bad-name' is not valid");
		CliRunner.Result badShard = run("upgrade", "heads", "--shard", "3/3");
		assertThat(badShard.exitCode()).isEqualTo(2);
		assertThat(badShard.err()).contains("3/3");
		CliRunner.Result sql = run("upgrade", "heads", "--sql");
		assertThat(sql.exitCode()).isEqualTo(2);
		assertThat(sql.err()).contains("--sql works on one database");
		assertThat(this.directory.resolve("data")).isEmptyDirectory();
	}

	// The command with the three tenants a, b, c in database mode; later options win over these.
	private CliRunner.Result run(String... command) {
		List<String> args = new java.util.ArrayList<>(List.of(command));
		if (!args.contains("--tenants")) {
			args.addAll(List.of("--tenants", "a,b,c"));
		}
		args.addAll(List.of("--tenant-mode", "database", "--url", this.url));
		return this.cli.run(args.toArray(String[]::new));
	}

	private static List<String> lines(CliRunner.Result result) {
		return result.out().lines().filter((line) -> line.matches("[a-z_]+: .*") && !line.contains(" tenants in ")).toList();
	}

	private static String summary(CliRunner.Result result) {
		List<String> all = result.out().lines().toList();
		return all.get(all.size() - 1);
	}

	private String query(String tenant, String sql) throws SQLException {
		try (Connection connection = connect(tenant);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private void execute(String tenant, String sql) throws SQLException {
		try (Connection connection = connect(tenant); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private Connection connect(String tenant) throws SQLException {
		return DriverManager.getConnection("jdbc:sqlite:" + this.directory.resolve("data/" + tenant + ".db"));
	}

}
