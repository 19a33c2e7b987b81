package dev.migrate.test;

import javax.sql.DataSource;

import org.opentest4j.AssertionFailedError;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.verify.MigrationTestReport;
import dev.migrate.core.verify.MigrationTests;

/**
 * Assertions that test the migrations themselves: the graph has a single head, and every revision climbs the
 * stairway (upgraded, downgraded and upgraded again, the schema after its downgrade equal to the schema before
 * its upgrade). A failure carries the whole report: one line per revision, then each object a downgrade left
 * behind or dropped, with the SQL the downgrade lacks.
 *
 * <pre>
 * &#64;Test
 * void migrationsDowngradeWithoutATrace(&#64;TempDir Path dir) {
 *     MigrationAssertions.assertMigrations("jdbc:sqlite:" + dir.resolve("scratch.db"), "classpath:db/migrations");
 * }
 * </pre>
 *
 * With Spring Boot, pass the test's {@link DataSource} (a slice such as {@code @JdbcTest} with
 * {@code migrate.enabled=false}, so the scratch database starts empty).
 */
public final class MigrationAssertions {

	private MigrationAssertions() {
	}

	/**
	 * Runs the migration tests on an empty scratch database given by its URL.
	 * @param url the JDBC URL of an empty database (a temporary SQLite file, an in-memory H2 database, a
	 * Testcontainers database)
	 * @param locations where the revisions are, such as {@code classpath:db/migrations}
	 * @return the report, when every check passed
	 * @throws AssertionFailedError with the report when a check failed
	 */
	public static MigrationTestReport assertMigrations(String url, String... locations) {
		return assertMigrations(MigrationTests.of(MigrateConfig.builder().url(url).locations(locations).build()));
	}

	/**
	 * Runs the migration tests on an empty database given as a {@link DataSource}, such as a Spring test's.
	 * @param dataSource an empty database
	 * @param locations where the revisions are, such as {@code classpath:db/migrations}
	 * @return the report, when every check passed
	 * @throws AssertionFailedError with the report when a check failed
	 */
	public static MigrationTestReport assertMigrations(DataSource dataSource, String... locations) {
		return assertMigrations(
				MigrationTests.of(MigrateConfig.builder().dataSource(dataSource).locations(locations).build()));
	}

	/**
	 * Runs migration tests configured in full: declared heads, a model, another version table.
	 * @param tests the tests, from {@link MigrationTests#of(MigrateConfig)}
	 * @return the report, when every check passed
	 * @throws AssertionFailedError with the report when a check failed
	 */
	public static MigrationTestReport assertMigrations(MigrationTests tests) {
		MigrationTestReport report = tests.run();
		if (!report.passed()) {
			throw new AssertionFailedError("The migration tests failed:\n" + report.text());
		}
		return report;
	}

}
