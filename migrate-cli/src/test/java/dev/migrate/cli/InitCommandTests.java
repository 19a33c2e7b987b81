package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate init}, in process.
 */
class InitCommandTests {

	@TempDir
	Path directory;

	@Test
	void createsTheScriptsDirectoryAndAConfigurationPointingAtIt() {
		CliRunner cli = new CliRunner(this.directory);
		CliRunner.Result result = cli.run("init", "--url", "jdbc:sqlite:app.db");
		assertThat(result.exitCode()).isZero();
		assertThat(this.directory.resolve("migrations")).isEmptyDirectory();
		assertThat(this.directory.resolve("migrate.properties")).content()
			.contains("migrate.url=jdbc:sqlite:app.db", "migrate.locations=filesystem:migrations");
		assertThat(result.out()).isEqualTo("Creating directory " + this.directory.resolve("migrations") + " ...  done\n"
				+ "Generating " + this.directory.resolve("migrate.properties") + " ...  done\n"
				+ "Please edit the connection settings in " + this.directory.resolve("migrate.properties")
				+ " before proceeding.\n");
		assertThat(cli.run("config").out()).contains("url              jdbc:sqlite:app.db  (migrate.url in ",
				"locations        filesystem:" + this.directory.resolve("migrations"));
	}

	@Test
	void everyKeyTheTemplateSuggestsIsOneConfigReads() throws IOException {
		CliRunner cli = new CliRunner(this.directory);
		assertThat(cli.run("init", "--url", "jdbc:sqlite:app.db").exitCode()).isZero();
		Path file = this.directory.resolve("migrate.properties");
		// Uncommented as a user would: each suggested value must be read, from this file.
		Files.writeString(file, Files.readString(file).replaceAll("(?m)^#(migrate\\.[a-z-]+(\\.[a-z]+|\\[0\\])?=.+)$",
				"$1"));

		CliRunner.Result config = cli.run("config");

		assertThat(config.exitCode()).as(config.err()).isZero();
		assertThat(config.out()).contains("version-table    migrate_version  (migrate.version-table in ",
				"history-table    migrate_history  (migrate.history-table in ",
				"connect-retries  0  (migrate.connect-retries in ", "connect-timeout  30  (migrate.connect-timeout in ",
				"placeholders     owner=app_owner  (migrate.placeholders.* in ",
				"init-sqls        SET ROLE app_owner  (migrate.init-sqls in ");
	}

	@Test
	void writesANamedDirectoryAndConfigFile() {
		CliRunner.Result result = new CliRunner(this.directory).run("init", "db/revisions", "-c", "conf/dev.properties");
		assertThat(result.exitCode()).isZero();
		assertThat(this.directory.resolve("db/revisions")).isDirectory();
		assertThat(this.directory.resolve("conf/dev.properties")).content()
			.contains("migrate.url=\n", "migrate.locations=filesystem:" + this.directory.resolve("db/revisions"));
	}

	@Test
	void refusesToOverwriteAConfiguration() throws IOException {
		Files.writeString(this.directory.resolve("migrate.properties"), "migrate.url=keep\n");
		CliRunner.Result result = new CliRunner(this.directory).run("init");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("FAILED: Configuration file " + this.directory.resolve("migrate.properties")
				+ " already exists; edit it, or pass --config with another name");
		assertThat(this.directory.resolve("migrate.properties")).hasContent("migrate.url=keep");
	}

	@Test
	void refusesANonEmptyScriptsDirectory() throws IOException {
		Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(this.directory.resolve("migrations/a.sql"), "");
		CliRunner.Result result = new CliRunner(this.directory).run("init");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("already exists and is not empty; choose another DIR");
		assertThat(this.directory.resolve("migrate.properties")).doesNotExist();
	}

}
