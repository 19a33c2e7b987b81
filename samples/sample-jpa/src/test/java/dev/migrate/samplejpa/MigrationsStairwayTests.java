package dev.migrate.samplejpa;

import org.junit.jupiter.api.Test;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.verify.MigrationTests;
import dev.migrate.jpa.JpaModel;
import dev.migrate.test.MigrationAssertions;

/**
 * The catalogue's migrations climb the stairway on a scratch in-memory H2 database, and the schema at their head
 * matches the JPA entities.
 */
class MigrationsStairwayTests {

	@Test
	void migrationsDowngradeWithoutATrace() {
		MigrationAssertions.assertMigrations("jdbc:h2:mem:stairway;DB_CLOSE_DELAY=-1", "classpath:db/migrations");
	}

	@Test
	void migrationsDowngradeWithoutATraceAndEndAtTheEntities() {
		MigrationAssertions.assertMigrations(MigrationTests
			.of(MigrateConfig.builder()
				.url("jdbc:h2:mem:stairway_entities;DB_CLOSE_DELAY=-1")
				.locations("classpath:db/migrations")
				.build())
			.model(JpaModel.ofPackages("dev.migrate.samplejpa").modelSource()));
	}

}
