package dev.migrate.autoconfigure.tenants;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Twelve tenant schemas on PostgreSQL migrated on boot, two of which (t03 and t09) already hold a table
 * {@code item}, so their first revision fails; the Actuator is read over HTTP from the running server: the
 * per-tenant summary with its pages, one tenant's detail, health {@code DOWN} with the count, the metric by
 * outcome without a tenant tag, and that the endpoint changes nothing.
 */
@SpringBootTest(classes = PostgresTenantsWebApplicationTests.Application.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrate.locations=classpath:db/app",
				"management.endpoints.web.exposure.include=health,migrations,metrics",
				"management.endpoint.health.show-details=always" })
class PostgresTenantsWebApplicationTests {

	private static final String HEAD = "2b3c4d5e6f70";

	private static final List<String> TENANTS = IntStream.range(0, 12).mapToObj((i) -> String.format("t%02d", i)).toList();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static TestDatabase db;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void createDatabase() {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not available");
		db = TestDatabases.create(Engine.POSTGRESQL);
		for (String broken : List.of("t03", "t09")) {
			db.execute("CREATE SCHEMA " + broken);
			db.execute("CREATE TABLE " + broken + ".item (id INT)");
		}
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
		registry.add("migrate.tenants.names", () -> String.join(",", TENANTS));
	}

	@Test
	void summarizesTheTenantsByStateAndPagesTheFailedOnes() throws Exception {
		JsonNode first = json("/actuator/migrations?page=0&size=1", 200).get("tenants");
		assertThat(first.get("total").asInt()).isEqualTo(12);
		assertThat(first.get("counts").get("succeeded").asInt()).isEqualTo(10);
		assertThat(first.get("counts").get("failed").asInt()).isEqualTo(2);
		assertThat(first.get("counts").get("pending").asInt()).isZero();
		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isOne();
		assertThat(first.get("pages").asInt()).isEqualTo(2);
		JsonNode second = json("/actuator/migrations?page=1&size=1", 200).get("tenants");
		List<String> failed = new ArrayList<>();
		for (JsonNode page : List.of(first, second)) {
			JsonNode tenant = page.get("failedOrPending").get(0);
			assertThat(page.get("failedOrPending").size()).isOne();
			assertThat(tenant.get("state").asString()).isEqualTo("failed");
			assertThat(tenant.get("error").asString()).startsWith("Revision '1a2b3c4d5e6f' (")
				.contains("already exists");
			failed.add(tenant.get("name").asString());
		}
		assertThat(failed).containsExactly("t03", "t09");
		JsonNode all = json("/actuator/migrations", 200).get("tenants");
		assertThat(all.get("failedOrPending").size()).isEqualTo(2);
		assertThat(all.get("size").asInt()).isEqualTo(100);
	}

	@Test
	void detailsOneTenantReadNowAndAnUnknownOneIsNotFound() throws Exception {
		JsonNode migrated = json("/actuator/migrations/tenants/t04", 200);
		assertThat(migrated.get("tenant").get("name").asString()).isEqualTo("t04");
		assertThat(migrated.get("tenant").get("state").asString()).isEqualTo("succeeded");
		assertThat(migrated.get("database").get("current").get(0).asString()).isEqualTo(HEAD);
		assertThat(migrated.get("database").get("pending").size()).isZero();
		JsonNode failed = json("/actuator/migrations/tenants/t09", 200);
		assertThat(failed.get("tenant").get("state").asString()).isEqualTo("failed");
		assertThat(failed.get("tenant").get("error").asString()).contains("1a2b3c4d5e6f");
		assertThat(failed.get("database").get("current").size()).isZero();
		assertThat(failed.get("database").get("pending")).extracting(JsonNode::asString)
			.containsExactly("1a2b3c4d5e6f", HEAD);
		assertThat(get("/actuator/migrations/tenants/t99").statusCode()).isEqualTo(404);
	}

	@Test
	void healthIsDownWithTheCountOfFailedTenants() throws Exception {
		JsonNode health = json("/actuator/health/migrations", 503);
		assertThat(health.get("status").asString()).isEqualTo("DOWN");
		assertThat(health.get("details").get("failedTenants").asInt()).isEqualTo(2);
		assertThat(health.get("details").get("tenants").asInt()).isEqualTo(12);
		assertThat(health.get("details").get("succeeded").asInt()).isEqualTo(10);
	}

	@Test
	void theMetricCountsTenantsByOutcomeWithNoTenantTag() throws Exception {
		JsonNode failed = json("/actuator/metrics/migrate.tenants?tag=outcome:failed", 200);
		assertThat(failed.get("measurements").get(0).get("value").asDouble()).isEqualTo(2.0);
		JsonNode succeeded = json("/actuator/metrics/migrate.tenants?tag=outcome:succeeded", 200);
		assertThat(succeeded.get("measurements").get(0).get("value").asDouble()).isEqualTo(10.0);
		JsonNode all = json("/actuator/metrics/migrate.tenants", 200);
		assertThat(all.get("availableTags")).extracting((tag) -> tag.get("tag").asString()).containsExactly("outcome");
	}

	@Test
	void theEndpointIsReadOnly() throws Exception {
		for (String path : List.of("/actuator/migrations", "/actuator/migrations/tenants/t03")) {
			for (String method : List.of("POST", "PUT", "DELETE")) {
				HttpRequest request = HttpRequest.newBuilder(uri(path))
					.method(method, HttpRequest.BodyPublishers.ofString("{}"))
					.header("Content-Type", "application/json")
					.build();
				int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
				assertThat(status).as(method + " " + path).isIn(404, 405);
			}
		}
		JsonNode t03 = json("/actuator/migrations/tenants/t03", 200);
		assertThat(t03.get("tenant").get("state").asString()).isEqualTo("failed");
		assertThat(t03.get("database").get("current").size()).as("nothing migrated t03 since startup").isZero();
		assertThat(json("/actuator/migrations", 200).get("tenants").get("counts").get("failed").asInt()).isEqualTo(2);
	}

	private JsonNode json(String path, int status) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
		// The bodies are the README's examples: printed to copy them from the test's output.
		System.out.println("GET " + path + " -> " + response.statusCode() + "\n" + response.body());
		return json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * The application: auto-configuration only, no components.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
