package dev.migrate.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Creates the directory of a file-based SQLite database ({@code ./data/} by default) before the DataSource
 * opens it: the driver creates the file on first use, but not the directories above it. Registered in
 * {@code META-INF/spring.factories}, so it runs for {@code java -jar} and for tests alike. It listens for the
 * prepared context, before any bean exists, when the environment is complete (test properties included).
 */
final class SqliteDirectoryInitializer implements ApplicationListener<ApplicationPreparedEvent> {

	private static final String PREFIX = "jdbc:sqlite:";

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		Path file = databaseFile(event.getApplicationContext().getEnvironment().getProperty("spring.datasource.url"));
		if (file != null && file.getParent() != null) {
			try {
				Files.createDirectories(file.getParent());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not create the directory " + file.getParent().toAbsolutePath()
						+ " for the SQLite database; create it or set SAMPLE_DB_URL to a writable location", ex);
			}
		}
	}

	/**
	 * The database file a SQLite URL names, or {@code null} for another engine or an in-memory database.
	 * @param url the JDBC URL
	 * @return the file, or {@code null}
	 */
	static @Nullable Path databaseFile(@Nullable String url) {
		if (url == null || !url.startsWith(PREFIX)) {
			return null;
		}
		String location = url.substring(PREFIX.length());
		int query = location.indexOf('?');
		if (query >= 0) {
			location = location.substring(0, query);
		}
		if (location.startsWith("file:")) {
			location = location.substring("file:".length());
		}
		if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith(":resource:")) {
			return null;
		}
		return Path.of(location);
	}

}
