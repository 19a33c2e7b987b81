package dev.migrate.sample;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrate.test.MigrationAssertions;

/**
 * The same check in a Spring slice, on the test's own {@link DataSource}: {@code migrate.enabled=false} keeps the
 * slice from migrating on start, so the stairway starts from an empty database.
 */
@JdbcTest(properties = "migrate.enabled=false")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class MigrationsSliceTests {

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void scratchDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("slice.db"));
	}

	@Autowired
	DataSource dataSource;

	@Test
	void migrationsDowngradeWithoutATrace() {
		MigrationAssertions.assertMigrations(this.dataSource, "classpath:db/migrations");
	}

}
