package dev.migrate.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the sample's README (and the run command in the project's README) true to the application: the run
 * command starts the jar the build produces (and {@code SampleAppIT} starts), and each profile's documented
 * database is the one its properties file defaults to.
 */
class ReadmeSampleSectionTests {

	private static final Pattern DEFAULT_URL = Pattern.compile("\\$\\{SAMPLE_DB_URL:(.+)}");

	private static final Path PROJECT_README = Path.of("../../README.md");

	private static final Path README = Path.of("README.md");

	@Test
	void runCommandBuildsAndStartsThePackagedJar() throws IOException {
		String command = "./mvnw -B -q -pl samples/sample-app -am -DskipTests package && java -jar samples/sample-app/target/sample-app.jar";
		assertThat(Files.readString(PROJECT_README))
			.contains("| run the sample app (SQLite, no server needed) | `" + command + "` |");
		assertThat(Files.readString(README)).contains("```\n" + command + "\n```");
		assertThat(Path.of("pom.xml")).content().contains("<finalName>sample-app</finalName>");
	}

	@Test
	void migrationTableHasARowPerRevision() throws IOException {
		String readme = Files.readString(README);
		assertThat(SampleMigrations.revisionIds()).allSatisfy((id) -> assertThat(readme).contains("| `" + id + "` |"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"application.properties | (none) | jdbc:sqlite:./data/library.db",
			"application-postgres.properties | `postgres` | jdbc:postgresql://127.0.0.1:5432/sample",
			"application-mariadb.properties | `mariadb` | jdbc:mariadb://127.0.0.1:3306/sample?createDatabaseIfNotExist=true",
			"application-sqlserver.properties | `sqlserver` | jdbc:sqlserver://127.0.0.1:1433;databaseName=sample;encrypt=false" })
	void profileTableNamesTheDatabaseThePropertiesDefaultTo(String file, String profile, String documentedUrl)
			throws IOException {
		Properties properties = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/" + file)) {
			assertThat(in).as(file).isNotNull();
			properties.load(in);
		}
		Matcher matcher = DEFAULT_URL.matcher(properties.getProperty("spring.datasource.url"));
		assertThat(matcher.matches()).as("spring.datasource.url in %s", file).isTrue();
		assertThat(matcher.group(1)).startsWith(documentedUrl);
		assertThat(Files.readString(README)).contains("| " + profile + " | `" + documentedUrl + "`");
	}

	@Test
	void nomigrateProfileSwitchesMigrateOff() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application-nomigrate.properties")) {
			properties.load(in);
		}
		assertThat(properties).containsEntry("migrate.enabled", "false");
		assertThat(Files.readString(README)).contains("| `nomigrate` | as without it | `migrate.enabled=false`");
	}

}
