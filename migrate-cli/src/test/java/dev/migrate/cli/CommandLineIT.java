package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar: help, usage errors and configuration, as processes.
 */
class CommandLineIT {

	@TempDir
	Path directory;

	@Test
	void helpWorksFromTheSelfContainedJar() {
		JarRunner.Result result = new JarRunner(this.directory).run("--help");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).startsWith("Usage: migrate [OPTIONS] [COMMAND]").contains("upgrade", "Exit codes:");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void versionComesFromTheJarManifest() {
		JarRunner.Result result = new JarRunner(this.directory).run("--version");
		assertThat(result.out()).matches("migrate \\d+\\.\\d+\\.\\d+.*\\R");
	}

	@Test
	void unknownCommandExitsWithTwoAndSuggestsTheClosest() {
		JarRunner.Result result = new JarRunner(this.directory).run("upgrde", "head");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("FAILED: Unknown command 'upgrde'", "Did you mean: migrate upgrade");
	}

	@Test
	void initThenConfigShowsTheEnvironmentWinningOverTheFile() throws IOException {
		JarRunner runner = new JarRunner(this.directory);
		JarRunner.Result init = runner.run("init", "--url", "jdbc:sqlite:app.db");
		assertThat(init.exitCode()).as(init.toString()).isZero();
		JarRunner.Result config = runner.env("MIGRATE_URL", "jdbc:postgresql://db/app?password=hunter22")
			.run("config");
		assertThat(config.exitCode()).as(config.toString()).isZero();
		assertThat(config.out()).contains("url              jdbc:postgresql://db/app?password=***  (MIGRATE_URL)",
				"locations        filesystem:" + this.directory.toRealPath().resolve("migrations"))
			.doesNotContain("hunter22");
	}

	@Test
	void missingLocationsExitWithTwoNamingTheFix() {
		JarRunner.Result result = new JarRunner(this.directory).run("upgrade", "heads", "--url", "jdbc:sqlite:x.db");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Script location filesystem:")
			.contains("(from default) does not exist; run 'migrate init' to create it");
		assertThat(result.err().lines()).hasSize(1);
	}

	@Test
	void passwordPromptWithoutTerminalExitsWithTwo() {
		JarRunner.Result result = new JarRunner(this.directory).input("secret\n").run("config", "-P");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("--password-prompt needs a terminal");
	}

}
