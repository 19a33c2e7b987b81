package dev.migrate.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged {@code target/sample-app.jar} as a separate process, as a user would, and checks that
 * it migrated its database, serves the REST API and reports the revisions at {@code /actuator/migrations}.
 */
class SampleAppIT {

	private static final String PASSWORD = "s3cret-sample-pw";

	@TempDir
	Path workingDirectory;

	@Test
	void migratesItsSqliteFileUnderDataOnFirstRunAndServesTheApi() throws Exception {
		Path database = this.workingDirectory.resolve("data/library.db");
		try (SampleAppProcess app = SampleAppProcess.start(this.workingDirectory, Map.of())) {
			assertThat(database).as("the default SQLite file under ./data/").exists();
			assertServesTheApi(app);
			assertEveryRevisionApplied(app);
		}
		assertThat(versionRows("jdbc:sqlite:" + database, null, null)).containsExactly(SampleMigrations.HEAD);
	}

	@Test
	void migratesPostgresqlNamedBySampleDbUrlWithoutShowingThePassword() throws Exception {
		try (TestDatabase db = TestDatabases.create(Engine.POSTGRESQL)) {
			// The local server trusts loopback, so any password works: the point is that none is shown.
			Map<String, String> environment = Map.of("SAMPLE_DB_URL", db.url(), "SAMPLE_DB_USER", db.user(),
					"SAMPLE_DB_PASSWORD", PASSWORD);
			try (SampleAppProcess app = SampleAppProcess.start(this.workingDirectory, environment,
					"--spring.profiles.active=postgres")) {
				assertServesTheApi(app);
				String migrations = assertEveryRevisionApplied(app);
				assertThat(migrations).doesNotContain(PASSWORD);
				assertThat(app.get("/actuator/health").body()).doesNotContain(PASSWORD);
				assertThat(app.log()).doesNotContain(PASSWORD);
			}
			assertThat(versionRows(db.url(), db.user(), db.password())).containsExactly(SampleMigrations.HEAD);
		}
	}

	@Test
	void runsNoMigrationWithTheNomigrateProfile() throws Exception {
		Path database = this.workingDirectory.resolve("data/library.db");
		try (SampleAppProcess app = SampleAppProcess.start(this.workingDirectory, Map.of(),
				"--spring.profiles.active=nomigrate")) {
			assertThat(app.get("/actuator/migrations").statusCode()).as("the endpoint is absent").isEqualTo(404);
			assertThat(app.get("/books").statusCode()).as("no book table").isEqualTo(500);
		}
		assertThat(tables("jdbc:sqlite:" + database)).as("tables in %s", database).isEmpty();
	}

	private static void assertServesTheApi(SampleAppProcess app) {
		HttpResponse<String> author = app.post("/authors", "{\"name\": \"Ursula K. Le Guin\"}");
		assertThat(author.statusCode()).as(author.body()).isEqualTo(201);
		long authorId = SampleAppProcess.json(author.body()).path("id").asLong();
		HttpResponse<String> book = app.post("/books", "{\"title\": \"The Dispossessed\", \"isbn\": \"978-0-06-051275-0\", "
				+ "\"authorId\": " + authorId + ", \"copies\": 2}");
		assertThat(book.statusCode()).as(book.body()).isEqualTo(201);
		long bookId = SampleAppProcess.json(book.body()).path("id").asLong();
		HttpResponse<String> loan = app.post("/loans", "{\"bookId\": " + bookId + ", \"borrower\": \"Shevek\"}");
		assertThat(loan.statusCode()).as(loan.body()).isEqualTo(201);

		JsonNode books = app.getJson("/books");
		assertThat(books.size()).isEqualTo(1);
		assertThat(books.get(0).path("title").asString()).isEqualTo("The Dispossessed");
		assertThat(books.get(0).path("author").asString()).isEqualTo("Ursula K. Le Guin");
		assertThat(books.get(0).path("copies").asInt()).isEqualTo(2);
		assertThat(books.get(0).path("available").asInt()).isEqualTo(1);
		assertThat(app.getJson("/authors").get(0).path("name").asString()).isEqualTo("Ursula K. Le Guin");
		assertThat(app.getJson("/loans?open=true").get(0).path("borrower").asString()).isEqualTo("Shevek");
	}

	/**
	 * Checks that {@code /actuator/migrations} lists every revision of {@code db/migrations} as applied, none
	 * pending, and the merge revision as the current head.
	 * @return the endpoint's body
	 */
	private static String assertEveryRevisionApplied(SampleAppProcess app) {
		JsonNode body = app.getJson("/actuator/migrations");
		JsonNode migrator = body.path("contexts").path("sample-app").path("migrateBeans").path("migrator");
		assertThat(migrator.isObject()).as("contexts.sample-app.migrateBeans.migrator in %s", body).isTrue();
		assertThat(strings(migrator.path("current"))).containsExactly(SampleMigrations.HEAD);
		assertThat(strings(migrator.path("heads"))).containsExactly(SampleMigrations.HEAD);
		assertThat(strings(migrator.path("pending"))).isEmpty();
		List<String> applied = new ArrayList<>();
		migrator.path("revisions").forEach((revision) -> {
			assertThat(revision.path("state").asString()).as("state of %s", revision.path("id")).isEqualTo("APPLIED");
			applied.add(revision.path("id").asString());
		});
		assertThat(applied).containsExactlyInAnyOrderElementsOf(SampleMigrations.revisionIds()).hasSize(7);
		return body.toString();
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((element) -> strings.add(element.asString()));
		return strings;
	}

	private static List<String> versionRows(String url, String user, String password) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM migrate_version")) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

	private static List<String> tables(String url) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url);
				ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE", "VIEW" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

}
