package dev.migrate.autoconfigure.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.core.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots {@link IntegrationTestApplication} with a web server on a real database and reads
 * {@code /actuator/migrations}. Subclasses provide the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrate.locations=classpath:db/app",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractWebApplicationTests {

	/** Never sent to the server (the local servers trust the test user); it must never be shown either. */
	static final String PASSWORD = "db-Secret-4242";

	private static final String HEAD = "2b3c4d5e6f70";

	@LocalServerPort
	private int port;

	@Autowired
	private ItemCatalog catalog;

	@Autowired
	private Migrator migrator;

	@Autowired
	private DataSource dataSource;

	@Test
	void migratesBeforeDatabaseUsersAreCreated() {
		assertThat(this.catalog.pricedItemsAtStartup()).isZero();
		assertThat(this.migrator.current()).containsExactly(HEAD);
	}

	@Test
	void reportsRevisionsWithStatesAndNoPassword(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(PASSWORD);
		JsonNode contexts = JsonMapper.builder().build().readTree(response.body()).get("contexts");
		assertThat(contexts.size()).isEqualTo(1);
		JsonNode migrator = contexts.values().iterator().next().get("migrateBeans").get("migrator");
		assertThat(migrator.get("current").get(0).asString()).isEqualTo(HEAD);
		assertThat(migrator.get("pending").size()).isZero();
		assertThat(migrator.has("modelDifferences")).as("without migrate.model").isFalse();
		JsonNode revisions = migrator.get("revisions");
		assertThat(revisions.size()).isEqualTo(2);
		assertThat(revisions.get(0).get("id").asString()).isEqualTo(HEAD);
		assertThat(revisions.get(0).get("state").asString()).isEqualTo("APPLIED");
		assertThat(revisions.get(1).get("id").asString()).isEqualTo("1a2b3c4d5e6f");
		assertThat(revisions.get(1).get("state").asString()).isEqualTo("APPLIED");
		assertThat(revisions.get(1).get("appliedAt").isNull()).isFalse();
		assertThat(output).doesNotContain(PASSWORD);
	}

	@Test
	void pagesTheRevisionsAndWritesNothing() throws Exception {
		List<String> before = migrateTablesAndHistoryRows();
		HttpResponse<String> firstPage = get("/actuator/migrations?page=0&size=1");
		// The body is the docs' example: printed to copy it from the test's output.
		System.out.println("GET /actuator/migrations?page=0&size=1 -> " + firstPage.statusCode() + "\n" + firstPage.body());
		JsonNode first = migrator(firstPage);
		assertThat(first.get("revisions")).extracting((revision) -> revision.get("id").asString()).containsExactly(HEAD);
		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isOne();
		assertThat(first.get("pages").asInt()).isEqualTo(2);
		assertThat(first.get("total").asInt()).isEqualTo(2);
		assertThat(first.get("current").get(0).asString()).isEqualTo(HEAD);
		JsonNode second = migrator(get("/actuator/migrations?page=1&size=1"));
		assertThat(second.get("revisions")).extracting((revision) -> revision.get("id").asString())
			.containsExactly("1a2b3c4d5e6f");
		assertThat(second.get("revisions").get(0).get("state").asString()).isEqualTo("APPLIED");
		assertThat(migrator(get("/actuator/migrations?page=2&size=1")).get("revisions").size()).isZero();
		assertThat(migrator(get("/actuator/migrations")).get("size").asInt()).isEqualTo(100);
		// The recent history has its own length: one row on a page of one, none at all, on any page.
		JsonNode oneRow = migrator(get("/actuator/migrations?size=1&history=1"));
		assertThat(oneRow.get("revisions").size()).isOne();
		assertThat(oneRow.get("recentHistory")).extracting((row) -> row.get("revision").asString()).containsExactly(HEAD);
		assertThat(migrator(get("/actuator/migrations?page=1&size=1&history=0")).get("recentHistory").size()).isZero();
		assertThat(migrator(get("/actuator/migrations?size=1")).get("recentHistory").size()).isEqualTo(2);
		for (String bad : List.of("size=0", "size=1001", "page=-1", "history=-1", "history=1001")) {
			assertThat(get("/actuator/migrations?" + bad).statusCode()).as(bad).isEqualTo(400);
		}
		for (String method : List.of("POST", "PUT", "DELETE")) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/migrations"))
				.method(method, HttpRequest.BodyPublishers.ofString("{}"))
				.header("Content-Type", "application/json")
				.build();
			int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
			assertThat(status).as(method).isIn(404, 405);
		}
		assertThat(get("/actuator/health/migrations").statusCode()).isEqualTo(200);
		assertThat(migrateTablesAndHistoryRows()).as("no table created, no history row written").isEqualTo(before);
	}

	@Test
	void reportsOneRevision() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations/1a2b");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode contexts = JsonMapper.builder().build().readTree(response.body()).get("contexts");
		JsonNode revision = contexts.values().iterator().next().get("migrateBeans").get("migrator");
		assertThat(revision.get("id").asString()).isEqualTo("1a2b3c4d5e6f");
		assertThat(revision.get("state").asString()).isEqualTo("APPLIED");
		assertThat(get("/actuator/migrations/ffffffffffff").statusCode()).isEqualTo(404);
	}

	@Test
	void reportsHealthUpAtHeads() throws Exception {
		HttpResponse<String> response = get("/actuator/health/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = JsonMapper.builder().build().readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").get("pending").asInt()).isZero();
	}

	private static JsonNode migrator(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode contexts = JsonMapper.builder().build().readTree(response.body()).get("contexts");
		return contexts.values().iterator().next().get("migrateBeans").get("migrator");
	}

	// migrate's tables, then the number of history rows.
	private List<String> migrateTablesAndHistoryRows() throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			try (ResultSet tables = connection.getMetaData().getTables(null, null, "migrate%", null)) {
				while (tables.next()) {
					found.add(tables.getString("TABLE_NAME"));
				}
			}
			try (Statement statement = connection.createStatement();
					ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM migrate_history")) {
				count.next();
				found.add("history rows: " + count.getLong(1));
			}
		}
		return found;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
