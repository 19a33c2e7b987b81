package dev.migrate.autoconfigure.integration;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web application on PostgreSQL.
 */
class PostgresWebApplicationTests extends AbstractWebApplicationTests {

	private static TestDatabase db;

	@BeforeAll
	static void createDatabase() {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not available");
		db = TestDatabases.create(Engine.POSTGRESQL);
	}

	@AfterAll
	static void dropDatabase() {
		if (db != null) {
			db.close();
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> db.url());
		registry.add("spring.datasource.username", () -> db.user());
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

}
