package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A known, random password fed through every way the CLI takes one (URL forms, flags, mistyped flags, password
 * file, migrate.properties, environment) never appears in anything the jar prints, whatever the command and with
 * or without {@code --debug}. Every run is in a network namespace of its own: a driver that took the password for a
 * host name could otherwise send it to DNS.
 */
class SecretsIT {

	private static final String HOST = "127.0.0.1:9";

	@TempDir
	Path directory;

	private final long seed = new SecureRandom().nextLong();

	private final Random random = new Random(this.seed);

	private final String password = "Pw" + Long.toString(Math.abs(this.random.nextLong()), 36) + "-_.!";

	@BeforeEach
	void createScripts() throws IOException {
		assumeTrue(JarRunner.canIsolateNetwork(), "'unshare -rn' is not available: this test does not run");
		Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(this.directory.resolve("migrations/a1_create.sql"),
				"-- create\n-- Revision ID: a1\n-- Revises:\n\n-- migrate:upgrade\nCREATE TABLE t (id INT);\n");
	}

	@Test
	void aPasswordGivenAnyWayIsNeverPrinted() throws IOException {
		List<InputPath> paths = inputPaths();
		List<String> failures = new ArrayList<>();
		for (InputPath path : paths) {
			JarRunner runner = new JarRunner(this.directory).withoutNetwork();
			List<String> args = new ArrayList<>(path.arguments(runner));
			String command = List.of("upgrade", "current", "history", "config", "check").get(this.random.nextInt(5));
			args.add(0, command);
			if (this.random.nextBoolean()) {
				args.add("--debug");
			}
			JarRunner.Result result = runner.run(args.toArray(String[]::new));
			if ((result.out() + result.err()).contains(this.password)) {
				failures.add(path.name() + " (" + String.join(" ", args).replace(this.password, "<password>") + ")\n"
						+ result.toString().replace(this.password, "<<<PASSWORD>>>"));
			}
			if (!command.equals("config") && !command.equals("history") && result.exitCode() == 0) {
				failures.add(path.name() + " connected to a database it cannot reach: " + result);
			}
			Files.deleteIfExists(this.directory.resolve("migrate.properties"));
		}
		assertThat(failures).as("seed %d", this.seed).isEmpty();
	}

	private List<InputPath> inputPaths() {
		String pw = this.password;
		List<InputPath> paths = new ArrayList<>();
		for (String engine : List.of("postgresql", "mariadb", "mysql")) {
			paths.add(new InputPath("user info in a " + engine + " URL",
					(runner) -> List.of("--url", "jdbc:" + engine + "://app:" + pw + "@" + HOST + "/db")));
		}
		paths.add(new InputPath("password parameter",
				(runner) -> List.of("--url", "jdbc:postgresql://" + HOST + "/db?user=app&password=" + pw)));
		paths.add(new InputPath("semicolon parameter", (runner) -> List.of("--url", "jdbc:h2:tcp://" + HOST
				+ "/db;USER=app;PASSWORD=" + pw)));
		paths.add(new InputPath("--password", (runner) -> List.of("--url", "jdbc:mariadb://" + HOST + "/db",
				"--user", "app", "--password", pw)));
		paths.add(new InputPath("--password=", (runner) -> List.of("--url", "jdbc:postgresql://" + HOST + "/db",
				"--password=" + pw)));
		paths.add(new InputPath("--pasword (mistyped)", (runner) -> List.of("--url",
				"jdbc:postgresql://" + HOST + "/db", "--pasword", pw)));
		paths.add(new InputPath("--passwrd= (mistyped)", (runner) -> List.of("--url",
				"jdbc:postgresql://" + HOST + "/db", "--passwrd=" + pw)));
		paths.add(new InputPath("--password-file", (runner) -> {
			Path file = write("password.txt", pw + "\n");
			return List.of("--url", "jdbc:mariadb://" + HOST + "/db", "--user", "app", "--password-file",
					file.toString());
		}));
		paths.add(new InputPath("migrate.properties", (runner) -> {
			write("migrate.properties", "migrate.url=jdbc:postgresql://" + HOST + "/db\nmigrate.user=app\n"
					+ "migrate.password=" + pw + "\n");
			return List.of();
		}));
		paths.add(new InputPath("migrate.properties URL", (runner) -> {
			write("migrate.properties", "migrate.url=jdbc:mariadb://app:" + pw + "@" + HOST + "/db\n");
			return List.of();
		}));
		paths.add(new InputPath("MIGRATE_PASSWORD", (runner) -> {
			runner.env("MIGRATE_URL", "jdbc:mariadb://" + HOST + "/db").env("MIGRATE_USER", "app")
				.env("MIGRATE_PASSWORD", pw);
			return List.of();
		}));
		paths.add(new InputPath("MIGRATE_URL", (runner) -> {
			runner.env("MIGRATE_URL", "jdbc:postgresql://app:" + pw + "@" + HOST + "/db");
			return List.of();
		}));
		return paths;
	}

	private Path write(String name, String content) {
		try {
			return Files.writeString(this.directory.resolve(name), content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record InputPath(String name, Function<JarRunner, List<String>> arguments) {

		List<String> arguments(JarRunner runner) {
			return this.arguments.apply(runner);
		}

	}

}
