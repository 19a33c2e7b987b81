package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrate.core.AdvisedSetting;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fix a failure names on the command line is a flag the command line has.
 */
class AdviceTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(AdvisedSetting.class)
	void eachAdvisedSettingIsNamedAsAnOptionOfTheCommandsThatFail(AdvisedSetting setting) {
		String message = Advice.reword("Something failed; " + setting.advice());
		assertThat(message).doesNotContain(setting.javaName()).doesNotContain("migrate.");
		CommandLine upgrade = MigrateCommand
			.commandLine(new CliEnvironment(Map.of(), this.directory, (text) -> null))
			.getSubcommands()
			.get("upgrade");
		Matcher flags = Pattern.compile("--[a-z-]+").matcher(message);
		while (flags.find()) {
			assertThat(upgrade.getCommandSpec().findOption(flags.group())).as(flags.group()).isNotNull();
		}
	}

	@Test
	void anEditedScriptIsRefusedWithTheFlagThatAcceptsIt() throws IOException {
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		Path script = migrations.resolve("a000_first.sql");
		Files.writeString(script, "-- first\n--\n-- Revision ID: a000\n-- Revises:\n-- Create Date: 2026-11-24 10:00:00\n"
				+ "\n-- migrate:upgrade\nCREATE TABLE t1 (id INT);\n");
		CliRunner cli = new CliRunner(this.directory);
		String url = "--url=jdbc:sqlite:" + this.directory.resolve("app.db");
		assertThat(cli.run("upgrade", url).exitCode()).isZero();
		Files.writeString(script, Files.readString(script).replace("t1", "t2"));
		Files.setLastModifiedTime(script, FileTime.fromMillis(System.currentTimeMillis() + 5000));
		CliRunner.Result refused = cli.run("upgrade", url);
		assertThat(refused.exitCode()).isNotZero();
		assertThat(refused.err()).contains("or pass --no-validate").doesNotContain("validateOnMigrate");
		CliRunner.Result accepted = cli.run("upgrade", "--no-validate", url);
		assertThat(accepted.exitCode()).as(accepted.err()).isZero();
	}

}
