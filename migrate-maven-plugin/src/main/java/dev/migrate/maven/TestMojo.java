package dev.migrate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.verify.MigrationTestReport;
import dev.migrate.core.verify.MigrationTests;
import dev.migrate.core.verify.NonEmptyDatabaseException;

/**
 * {@code migrate:test}: the migration tests (a single head and the stairway: every revision upgraded, downgraded
 * and upgraded again without a trace) on an empty scratch database, never the configured one. The scratch
 * database is {@code migrate.testUrl}; without it, a temporary SQLite file when the project's URL (or dialect)
 * is SQLite, an in-memory H2 database when it is H2; a server engine needs {@code migrate.testUrl}. Fails the
 * build with the report when a check fails.
 */
@Mojo(name = "test", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class TestMojo extends AbstractMigrateMojo {

	/** The JDBC URL of an empty scratch database (user and password as for the project's database). */
	@Parameter(property = "migrate.testUrl")
	String testUrl;

	@Override
	protected void run() throws MojoFailureException, IOException {
		String engine = (this.dialect != null) ? this.dialect : JdbcUrls.dialectOf(configuration().url().value());
		Path file = null;
		String url = this.testUrl;
		if (url == null && "sqlite".equals(engine)) {
			file = Files.createTempFile("migrate-test-", ".db");
			// a scratch file needs no durability: no fsync per commit
			url = "jdbc:sqlite:" + file + "?synchronous=OFF";
		}
		else if (url == null && (engine == null || engine.equals("h2"))) {
			url = "jdbc:h2:mem:migrate_test_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
		}
		else if (url == null) {
			throw new ConfigurationException("migrate.testUrl", "migrate:test needs an empty scratch database: the"
					+ " project's database is " + engine + ", whose SQL an embedded database would not run; pass"
					+ " -Dmigrate.testUrl=<JDBC URL of an empty " + engine + " database>");
		}
		try {
			print("Testing the migrations on " + ((file != null) ? "a temporary SQLite file"
					: configuration().redactor().redact(url)));
			MigrationTestReport report = run(url);
			List<String> lines = report.text().lines().toList();
			if (!report.passed()) {
				throw new MojoFailureException(configuration().redactor().redact(String.join(System.lineSeparator(),
						lines)));
			}
			print(lines);
		}
		finally {
			if (file != null) {
				Files.deleteIfExists(file);
			}
		}
	}

	private MigrationTestReport run(String url) {
		MigrateConfig.Builder builder = MigrateConfig.builder()
			.url(url)
			.locations(configuration().locations())
			.failOnMissingLocations(true)
			.classLoader(classLoader());
		if (this.testUrl != null && configuration().user().isSet()) {
			builder.user(configuration().user().value()).password(configuration().password().value());
		}
		try {
			return MigrationTests.of(builder.build()).run();
		}
		catch (NonEmptyDatabaseException ex) {
			throw new ConfigurationException("migrate.testUrl", ex.getMessage() + " (-Dmigrate.testUrl)");
		}
	}

}
