package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags win over {@code MIGRATE_*} variables, which win over {@code migrate.properties}; checked through
 * {@code migrate config}, in process.
 */
class ConfigurationPrecedenceTests {

	@TempDir
	Path directory;

	private CliRunner cli;

	@BeforeEach
	void writeConfiguration() throws IOException {
		Files.writeString(this.directory.resolve("migrate.properties"), """
				migrate.url=jdbc:sqlite:from-file.db
				migrate.user=file-user
				migrate.locations=filesystem:scripts
				migrate.version-table=file_version
				""");
		this.cli = new CliRunner(this.directory);
	}

	@Test
	void fileValuesApplyWhenNothingElseIsSet() {
		CliRunner.Result result = this.cli.run("config");
		assertThat(result.exitCode()).isZero();
		String file = this.directory.resolve("migrate.properties").toString();
		assertThat(result.out()).contains("config file      " + file,
				"url              jdbc:sqlite:from-file.db  (migrate.url in " + file + ")",
				"user             file-user  (migrate.user in " + file + ")",
				"locations        filesystem:" + this.directory.resolve("scripts") + "  (migrate.locations in " + file + ")",
				"version-table    file_version  (migrate.version-table in " + file + ")",
				"history-table    migrate_history  (default)", "password         -  (not set)");
	}

	@Test
	void environmentWinsOverTheFile() {
		CliRunner.Result result = this.cli.env("MIGRATE_URL", "jdbc:sqlite:from-env.db")
			.env("MIGRATE_VERSION_TABLE", "env_version")
			.run("config");
		assertThat(result.out()).contains("url              jdbc:sqlite:from-env.db  (MIGRATE_URL)",
				"version-table    env_version  (MIGRATE_VERSION_TABLE)", "user             file-user  (migrate.user in ");
	}

	@Test
	void flagsWinOverEnvironmentAndFile() {
		CliRunner.Result result = this.cli.env("MIGRATE_URL", "jdbc:sqlite:from-env.db")
			.env("MIGRATE_USER", "env-user")
			.run("config", "--url", "jdbc:sqlite:from-flag.db", "--locations", "a,filesystem:b,classpath:db/c");
		assertThat(result.out()).contains("url              jdbc:sqlite:from-flag.db  (--url)",
				"user             env-user  (MIGRATE_USER)", "locations        filesystem:" + this.directory.resolve("a")
						+ ",filesystem:" + this.directory.resolve("b") + ",classpath:db/c  (--locations)");
	}

	@Test
	void blankEnvironmentVariablesCountAsUnset() {
		CliRunner.Result result = this.cli.env("MIGRATE_URL", "  ").run("config");
		assertThat(result.out()).contains("url              jdbc:sqlite:from-file.db  (migrate.url in ");
	}

	@Test
	void configFlagReadsAnotherFileAndResolvesLocationsAgainstIt() throws IOException {
		Path other = Files.createDirectories(this.directory.resolve("ops"));
		Files.writeString(other.resolve("prod.properties"), "migrate.url=jdbc:sqlite:prod.db\n");
		CliRunner.Result result = this.cli.run("config", "--config", "ops/prod.properties");
		assertThat(result.out()).contains("config file      " + other.resolve("prod.properties"),
				"url              jdbc:sqlite:prod.db  (migrate.url in ",
				"locations        filesystem:" + this.directory.resolve("migrations") + "  (default)");
	}

	@Test
	void configFromTheEnvironmentIsUsedWhenNoFlagIsGiven() throws IOException {
		Files.writeString(this.directory.resolve("ci.properties"), "migrate.url=jdbc:sqlite:ci.db\n");
		CliRunner.Result result = this.cli.env("MIGRATE_CONFIG", "ci.properties").run("config");
		assertThat(result.out()).contains("url              jdbc:sqlite:ci.db  (migrate.url in ");
	}

	@Test
	void aLocationWithAUrlSchemeIsRefusedRatherThanReadAsARelativePath() {
		CliRunner.Result result = this.cli.run("heads", "--locations", "http://example.org/migrations");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).startsWith("FAILED: Location 'http://example.org/migrations' (from --locations) has"
				+ " an unknown prefix 'http:'; use 'filesystem:<directory>' or 'classpath:<package path>'");
	}

	@Test
	void aLocationThatIsAFileIsNamedAsAFileRatherThanMissing() throws IOException {
		Files.writeString(this.directory.resolve("one.sql"), "-- m\n-- Revision ID: a1\n-- migrate:upgrade\n");
		CliRunner.Result result = this.cli.run("heads", "--locations", "one.sql");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).startsWith("FAILED: Script location filesystem:" + this.directory.resolve("one.sql")
				+ " (from --locations) is a file, not a directory; name the directory that holds the scripts in"
				+ " --locations / MIGRATE_LOCATIONS / migrate.locations");
	}

	@Test
	void missingConfigFileIsAConfigurationError() {
		CliRunner.Result result = this.cli.run("config", "-c", "nope.properties");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: Configuration file " + this.directory.resolve("nope.properties")
				+ " (from --config) does not exist; fix the path, or run 'migrate init' to create one");
	}

	@Test
	void unknownKeyInTheFileIsNamedWithItsLine() throws IOException {
		Files.writeString(this.directory.resolve("migrate.properties"), "# comment\nmigrate.url=x\nmigrate.urll=y\n");
		CliRunner.Result result = this.cli.run("config");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: Unknown key 'migrate.urll' in "
				+ this.directory.resolve("migrate.properties") + " line 3; the known keys are migrate.connect-retries, migrate.connect-timeout, migrate.dialect, ");
	}

	@Test
	void passwordComesFromAFileAndIsNeverPrinted() throws IOException {
		Files.writeString(this.directory.resolve("secret.txt"), "hunter22\n");
		CliRunner.Result fromFlag = this.cli.run("config", "--password-file", "secret.txt");
		CliRunner.Result fromEnvironment = this.cli.env("MIGRATE_PASSWORD_FILE", "secret.txt").run("config");
		assertThat(fromFlag.out()).contains("password         ***  (--password-file)").doesNotContain("hunter22");
		assertThat(fromEnvironment.out()).contains("password         ***  (MIGRATE_PASSWORD_FILE)");
	}

	@Test
	void passwordFlagWinsOverTheEnvironment() {
		CliRunner.Result result = this.cli.env("MIGRATE_PASSWORD", "from-env").run("config", "--password", "flag");
		assertThat(result.out()).contains("password         ***  (--password)").doesNotContain("from-env", "flag\n");
	}

	@Test
	void settingsBuildAFacadeConfigurationWithEveryValue() {
		ConnectionOptions options = new ConnectionOptions();
		options.password = "pw";
		options.schema = "app";
		Settings settings = new SettingsResolver(
				new CliEnvironment(java.util.Map.of("MIGRATE_HISTORY_TABLE", "audit", "MIGRATE_CONNECT_TIMEOUT", "7"),
						this.directory, (p) -> null))
			.resolve(options);
		dev.migrate.core.MigrateConfig config = settings.toConfig(true, java.util.List.of());
		assertThat(config.url()).isEqualTo("jdbc:sqlite:from-file.db");
		assertThat(config.user()).isEqualTo("file-user");
		assertThat(config.password()).isEqualTo("pw");
		assertThat(config.schema()).isEqualTo("app");
		assertThat(config.versionTable()).isEqualTo("file_version");
		assertThat(config.historyTable()).isEqualTo("audit");
		assertThat(config.locations()).containsExactly("filesystem:" + this.directory.resolve("scripts"));
		assertThat(config.failOnMissingLocations()).isTrue();
		assertThat(config.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(7));
	}

	@Test
	void theConnectTimeoutDefaultsToThirtySecondsAndMustBeANumber() throws IOException {
		Files.createDirectories(this.directory.resolve("scripts"));
		assertThat(this.cli.run("config").out()).contains("connect-timeout  30  (default)");
		CliRunner.Result result = this.cli.run("current", "--connect-timeout", "soon");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).startsWith("FAILED: connect-timeout (from --connect-timeout) must be a whole number"
				+ " of seconds, was 'soon'");
	}

	@Test
	void invalidTableNameIsAConfigurationErrorNamingTheSetting() throws IOException {
		Files.createDirectories(this.directory.resolve("scripts"));
		CliRunner.Result result = this.cli.run("heads", "--version-table", "bad-name");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: versionTable 'bad-name' is not a valid name");
	}

}
