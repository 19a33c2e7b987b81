package dev.migrate.sample;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.test.MigrationAssertions;

/**
 * The library's migrations climb the stairway on a scratch SQLite file: one line for any project.
 */
class MigrationsStairwayTests {

	@Test
	void migrationsDowngradeWithoutATrace(@TempDir Path dir) {
		MigrationAssertions.assertMigrations("jdbc:sqlite:" + dir.resolve("scratch.db"), "classpath:db/migrations");
	}

}
