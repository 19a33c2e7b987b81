package dev.migrate.autoconfigure.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate.exit-after-migrate=true}: the application, run as a process, migrates and exits with 0, or
 * with 1 when a migration fails.
 */
class ExitAfterMigrateTests {

	@TempDir
	Path output;

	@Test
	void exitsWithZeroAfterMigrating() throws Exception {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			Run run = run(db, "classpath:db/app");
			assertThat(run.exitCode()).as(run.output()).isZero();
			assertThat(run.output()).contains(": upgraded to heads, applied 2 revisions (1a2b3c4d5e6f, 2b3c4d5e6f70)")
				.contains("migrations done and migrate.exit-after-migrate=true; closing the application");
			try (Connection connection = db.connect(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT COUNT(price) FROM item")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isZero();
			}
		}
	}

	@Test
	void exitsWithOneWhenAMigrationFails() throws Exception {
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			Run run = run(db, "classpath:db/failing");
			assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
			assertThat(run.output()).contains("Migrate failed at startup: ").contains("3c4d5e6f7081");
		}
	}

	private Run run(TestDatabase db, String locations) throws IOException, InterruptedException {
		Path log = this.output.resolve("process.log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(IntegrationTestApplication.class.getName());
		command.add("--spring.datasource.url=" + db.url());
		command.add("--migrate.locations=" + locations);
		command.add("--migrate.exit-after-migrate=true");
		command.add("--spring.main.web-application-type=none");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Application did not exit within 120 s: " + Files.readString(log));
		}
		return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String output) {
	}

}
