package dev.migrate.sample;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteDirectoryInitializerTests {

	@TempDir
	Path temp;

	@Test
	void findsTheFileOfARelativeSqliteUrlWithPragmas() {
		assertThat(SqliteDirectoryInitializer.databaseFile("jdbc:sqlite:./data/library.db?foreign_keys=true"))
			.isEqualTo(Path.of("./data/library.db"));
	}

	@Test
	void findsTheFileOfAFileUri() {
		assertThat(SqliteDirectoryInitializer.databaseFile("jdbc:sqlite:file:/var/lib/library.db"))
			.isEqualTo(Path.of("/var/lib/library.db"));
	}

	@Test
	void ignoresInMemorySqliteAndOtherEngines() {
		assertThat(SqliteDirectoryInitializer.databaseFile("jdbc:sqlite::memory:")).isNull();
		assertThat(SqliteDirectoryInitializer.databaseFile("jdbc:sqlite:")).isNull();
		assertThat(SqliteDirectoryInitializer.databaseFile("jdbc:postgresql://127.0.0.1:5432/sample")).isNull();
		assertThat(SqliteDirectoryInitializer.databaseFile(null)).isNull();
	}

	@Test
	void createsTheMissingDirectoriesAboveTheDatabaseFile() {
		Path file = this.temp.resolve("a/b/library.db");
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", "jdbc:sqlite:" + file)));
			new SqliteDirectoryInitializer()
				.onApplicationEvent(new ApplicationPreparedEvent(new SpringApplication(), new String[0], context));
		}
		assertThat(file.getParent()).isDirectory();
		assertThat(file).doesNotExist();
	}

}
