package dev.migrate.autoconfigure.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
