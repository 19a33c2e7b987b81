package dev.migrate.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate revision --autogenerate --model jpa:PACKAGE --classpath PATH} through the packaged jar, which
 * bundles neither {@code migrate-jpa} nor Hibernate: both come from {@code --classpath}, as they do for a build
 * that is not Maven's (this test's class path stands for {@code mvn dependency:build-classpath} plus the
 * application's classes).
 */
class JpaModelIT {

	private static final String MODEL = "jpa:dev.migrate.cli.entities";

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "SQLITE" })
	void autogeneratesFromEntitiesWithMigrateJpaAndHibernateOnTheClasspathOption(Engine engine) throws Exception {
		try (TestDatabase db = TestDatabases.create(engine)) {
			JarRunner cli = new JarRunner(this.directory).env("MIGRATE_URL", db.url());
			ok(cli.run("init"));
			String classpath = applicationClasspath();

			JarRunner.Result without = cli.run("revision", "--autogenerate", "-m", "create account", "--model", MODEL);
			assertThat(without.exitCode()).as(without.toString()).isNotZero();
			assertThat(without.err()).contains("needs the migrate-jpa module, which is not on the classpath");

			JarRunner.Result generated = ok(cli.run("revision", "--autogenerate", "-m", "create account", "--model",
					MODEL, "--classpath", classpath, "--rev-id", "a1b2c3d4e5f6"));
			assertThat(generated.outLines()).first().isEqualTo("Detected create table account");
			Path script;
			try (var files = Files.list(this.directory.resolve("migrations"))) {
				script = files.filter((file) -> file.getFileName().toString().startsWith("a1b2c3d4e5f6_"))
					.findFirst()
					.orElseThrow();
			}
			String text = Files.readString(script, StandardCharsets.UTF_8);
			assertThat(text).contains("CREATE TABLE").contains("email").contains("varchar(200)");
			assertThat(text.indexOf("-- migrate:downgrade")).isLessThan(text.indexOf("DROP TABLE"));

			ok(cli.run("upgrade", "heads"));
			assertThat(ok(cli.run("check", "--model", MODEL, "--classpath", classpath)).out())
				.contains("and it matches the model " + MODEL);
			assertThat(ok(cli.run("revision", "--autogenerate", "-m", "again", "--model", MODEL, "--classpath",
					classpath)).out()).isEqualTo("No changes detected\n");
		}
	}

	// the test's class path without the jar's own classes: the entities, migrate-jpa, Hibernate and Spring
	private static String applicationClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("migrate-cli" + File.separator + "target" + File.separator + "classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static JarRunner.Result ok(JarRunner.Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

}
