package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Flyway user reaches for on the command line on day two, on a real SQLite database in process:
 * {@code upgrade --baseline REV}, {@code --placeholder}, {@code --no-placeholders}, {@code --init-sql} and their
 * keys in {@code migrate.properties}.
 */
class DayTwoOptionsTests {

	@TempDir
	Path directory;

	private Path scripts;

	private TestDatabase db;

	private CliRunner cli;

	@BeforeEach
	void createDatabase() throws IOException {
		this.scripts = Files.createDirectories(this.directory.resolve("migrations"));
		this.db = TestDatabases.create(Engine.SQLITE);
		this.cli = new CliRunner(this.directory).env("MIGRATE_URL", this.db.url());
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void upgradeOfATableFullDatabaseFailsWithTheAdoptionAdviceThenBaselineAdoptsIt() throws IOException {
		script("a1", "", "create account", "CREATE TABLE account (id INT)");
		script("b2", "a1", "create invoice", "CREATE TABLE invoice (id INT)");
		this.db.execute("CREATE TABLE account (id INT)");

		CliRunner.Result failed = this.cli.run("upgrade", "heads");

		assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(failed.err()).contains("The database held 1 table (account) but no version table")
			.contains("('migrate stamp <revision>'), or pass --baseline REVISION to upgrade")
			.doesNotContain("baselineOnMigrate");

		CliRunner.Result adopted = this.cli.run("upgrade", "heads", "--baseline", "a1");

		assertThat(adopted.exitCode()).as(adopted.err()).isZero();
		assertThat(adopted.out()).contains("Running upgrade a1 -> b2, create invoice")
			.containsPattern("Baselined at a1, then upgraded 1 revision in \\d+ ms; now at b2 \\(head\\)");
		assertThat(this.cli.run("current").out()).isEqualTo("b2 (head)\n");
	}

	@Test
	void baselineAdoptsEachTenantThatHoldsTablesAndUpgradesTheEmptyOnes() throws IOException, SQLException {
		script("a1", "", "create account", "CREATE TABLE account (id INT)");
		script("b2", "a1", "create invoice", "CREATE TABLE invoice (id INT)");
		try (Connection connection = java.sql.DriverManager
			.getConnection("jdbc:sqlite:" + this.directory.resolve("old.db"));
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE account (id INT)");
		}

		CliRunner.Result result = this.cli.run("upgrade", "heads", "--baseline", "a1", "--tenants", "old,new",
				"--tenant-mode", "database", "--url", "jdbc:sqlite:" + this.directory.resolve("{tenant}.db"));

		assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
		for (String tenant : new String[] { "old", "new" }) {
			CliRunner.Result current = this.cli.run("current", "--url",
					"jdbc:sqlite:" + this.directory.resolve(tenant + ".db"));
			assertThat(current.out()).as(tenant).isEqualTo("b2 (head)\n");
		}
	}

	@Test
	void baselineWithSqlIsAUsageError() throws IOException {
		script("a1", "", "create account", "CREATE TABLE account (id INT)");

		CliRunner.Result result = this.cli.run("upgrade", "--sql", "--baseline", "a1", "--dialect", "sqlite");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("--baseline adopts a database, and --sql connects to none");
	}

	@Test
	void placeholdersComeFromFlagsAndTheConfigFileAndReachTheDatabase() throws IOException, SQLException {
		script("a1", "", "create settings", "CREATE TABLE settings (k TEXT, v TEXT);\n"
				+ "INSERT INTO settings VALUES ('owner', '${owner}');\n"
				+ "INSERT INTO settings VALUES ('region', '${region}');\n"
				+ "INSERT INTO settings VALUES ('engine', '${migrate:engine}')");
		Files.writeString(this.directory.resolve("migrate.properties"),
				"migrate.placeholders.owner=from_file\nmigrate.placeholders.region=eu\n");

		CliRunner.Result result = this.cli.run("--placeholder", "owner=from_flag", "upgrade", "heads");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(rows("SELECT k, v FROM settings ORDER BY k")).containsExactly("engine=sqlite", "owner=from_flag",
				"region=eu");
		assertThat(this.cli.run("config", "--placeholder", "owner=from_flag").out())
			.contains("placeholders     owner=from_flag, region=eu  (migrate.placeholders.* in ")
			.contains(", --placeholder)");
	}

	@Test
	void configMasksSecretPlaceholdersAndInitSqlLiterals() throws IOException {
		Files.writeString(this.directory.resolve("migrate.properties"),
				"migrate.placeholders.app_password=hunter2-s3cret\nmigrate.placeholders.region=eu\n"
						+ "migrate.init-sqls=SELECT 'other-s3cret'\n");

		CliRunner.Result result = this.cli.run("config");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("placeholders     app_password=***, region=eu  (")
			.contains("init-sqls        SELECT '***'  (")
			.doesNotContain("s3cret");
	}

	@Test
	void anUnknownPlaceholderNamesTheFileAndLineAndTheFlag() throws IOException {
		script("a1", "", "create settings", "CREATE TABLE settings (k TEXT);\nINSERT INTO settings VALUES ('${owner}')");

		CliRunner.Result result = this.cli.run("upgrade", "heads");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.err()).contains("a1_create_settings.sql:8: unknown placeholder '${owner}'")
			.contains("give it a value with --placeholder NAME=VALUE");
		assertThat(this.cli.run("current").out()).isEmpty();
	}

	@Test
	void noPlaceholdersRunsTheScriptAsWrittenAndOfflineSqlReplacesThem() throws IOException, SQLException {
		script("a1", "", "create settings", "CREATE TABLE settings (v TEXT);\nINSERT INTO settings VALUES ('${owner}')");

		CliRunner.Result offline = this.cli.run("upgrade", "--sql", "--placeholder", "owner=app");
		CliRunner.Result online = this.cli.run("--no-placeholders", "upgrade");

		assertThat(offline.out()).contains("INSERT INTO settings VALUES ('app')");
		assertThat(online.exitCode()).as(online.err()).isZero();
		assertThat(rows("SELECT v, v FROM settings")).containsExactly("${owner}=${owner}");
	}

	@Test
	void initSqlRunsOnTheMigrationConnectionFromTheFlagOrTheConfigFile() throws IOException, SQLException {
		script("a1", "", "create seen", "CREATE TABLE seen (v TEXT);\nINSERT INTO seen SELECT v FROM init_marker");

		CliRunner.Result result = this.cli.run("upgrade", "--init-sql",
				"CREATE TEMP TABLE init_marker AS SELECT 'from_flag' AS v");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(rows("SELECT v, v FROM seen")).containsExactly("from_flag=from_flag");

		Files.writeString(this.directory.resolve("migrate.properties"),
				"migrate.init-sqls[0]=CREATE TEMP TABLE init_marker AS SELECT 'from_file' AS v\n"
						+ "migrate.init-sqls[1]=SELECT 1\n");
		script("b2", "a1", "seen again", "INSERT INTO seen SELECT v FROM init_marker");
		assertThat(this.cli.run("upgrade").exitCode()).isZero();
		assertThat(rows("SELECT v, v FROM seen ORDER BY v")).containsExactly("from_file=from_file",
				"from_flag=from_flag");
	}

	@Test
	void aFailingInitSqlNamesTheFlag() throws IOException {
		script("a1", "", "create seen", "CREATE TABLE seen (v TEXT)");

		CliRunner.Result result = this.cli.run("--init-sql", "SELEC 1", "upgrade");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("Init SQL 1 of 1 (SELEC 1) failed on ").contains("fix or remove its --init-sql");
	}

	@Test
	void oneTransactionRollsBackEveryRevisionOfAFailedUpgradeWhereTheDefaultKeepsThoseBefore()
			throws IOException, SQLException {
		script("a1", "", "create account", "CREATE TABLE account (id INT)");
		script("b2", "a1", "create invoice", "CREATE TABLE invoice (id INT REFERENCES nowhere(id) oops)");

		CliRunner.Result grouped = this.cli.run("upgrade", "heads", "--one-transaction");

		assertThat(grouped.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(rows("SELECT count(*), 'tables' FROM sqlite_master WHERE name = 'account'"))
			.containsExactly("0=tables");
		assertThat(this.cli.run("current").out()).isEmpty();

		CliRunner.Result each = this.cli.run("upgrade", "heads");

		assertThat(each.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(this.cli.run("current").out()).isEqualTo("a1\n");

		script("b2", "a1", "create invoice", "CREATE TABLE invoice (id INT)");
		CliRunner.Result fixed = this.cli.run("upgrade", "heads", "--one-transaction");

		assertThat(fixed.exitCode()).as(fixed.err()).isZero();
		assertThat(fixed.out()).contains("Running upgrade a1 -> b2, create invoice");
		assertThat(this.cli.run("current").out()).isEqualTo("b2 (head)\n");
	}

	@Test
	void theHelpShowsThePlaceholderSyntaxAsWritten() {
		CliRunner.Result help = this.cli.run("upgrade", "--help");

		// Compared with the help's line wrapping undone.
		assertThat(help.out().replaceAll("\\s+", " ")).contains("Value of ${NAME} in SQL scripts; repeat for more.")
			.contains("Built in: ${migrate:schema}, ${migrate:user}, ${migrate:engine}, ${migrate:revision}.")
			.contains("without replacing ${NAME}.")
			.doesNotContain("null");
	}

	private void script(String id, String revises, String message, String upgrade) throws IOException {
		Files.writeString(this.scripts.resolve(id + "_" + message.replace(' ', '_') + ".sql"), "-- " + message
				+ "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises + "\n\n-- migrate:upgrade\n" + upgrade
				+ ";\n");
	}

	private List<String> rows(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1) + "=" + result.getString(2));
			}
		}
		return rows;
	}

}
