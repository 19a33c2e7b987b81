package dev.migrate.autoconfigure.integration;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web application on SQLite.
 */
class SqliteWebApplicationTests extends AbstractWebApplicationTests {

	private static final TestDatabase db = TestDatabases.create(Engine.SQLITE);

	@AfterAll
	static void dropDatabase() {
		db.close();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

}
