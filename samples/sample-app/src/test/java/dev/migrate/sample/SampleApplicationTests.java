package dev.migrate.sample;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in process on a fresh SQLite file: the starter migrated it before the context was ready,
 * and the API answers through MockMvc.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SampleApplicationTests {

	private static final TestDatabase database = TestDatabases.create(Engine.SQLITE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void migratedTheDatabaseToTheMergeHeadOnStartup() {
		assertThat(this.jdbc.sql("SELECT * FROM migrate_version").query(String.class).list())
			.containsExactly(SampleMigrations.HEAD);
	}

	@Test
	void lendsACopyAndReportsTheRemainingAvailability() {
		assertThat(this.mvc.post().uri("/authors").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Octavia E. Butler"}""")).hasStatus(201).bodyJson().extractingPath("$.id").isNotNull();
		long authorId = this.jdbc.sql("SELECT id FROM author WHERE name = 'Octavia E. Butler'")
			.query(Long.class)
			.single();
		assertThat(this.mvc.post().uri("/books").contentType(MediaType.APPLICATION_JSON).content("""
				{"title": "Kindred", "isbn": "978-0-8070-8369-7", "authorId": %d}""".formatted(authorId)))
			.hasStatus(201)
			.bodyJson()
			.extractingPath("$.available")
			.isEqualTo(1);
		long bookId = this.jdbc.sql("SELECT id FROM book WHERE isbn = '978-0-8070-8369-7'").query(Long.class).single();
		assertThat(this.mvc.post().uri("/loans").contentType(MediaType.APPLICATION_JSON).content("""
				{"bookId": %d, "borrower": "Dana"}""".formatted(bookId))).hasStatus(201);
		assertThat(this.mvc.post().uri("/loans").contentType(MediaType.APPLICATION_JSON).content("""
				{"bookId": %d, "borrower": "Kevin"}""".formatted(bookId)))
			.hasStatus(409)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("'Kindred' has no copy left: 1 owned, 1 on loan");
		assertThat(this.mvc.get().uri("/books/" + bookId)).hasStatusOk().bodyJson().extractingPath("$.available").isEqualTo(0);
	}

	@Test
	void namesTheMissingFieldOfABadRequest() {
		assertThat(this.mvc.post().uri("/books").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\"}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("'isbn' is required");
	}

}
