package dev.migrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.JdbcUrls;

/**
 * The database {@code migrate test} runs on when no {@code --url} names one. The revisions are written for the
 * engine the project uses (its {@code dialect}, else the engine of its configured URL): for SQLite a temporary
 * file, deleted afterwards; for H2, or when nothing names an engine, an in-memory H2 database. For a server engine
 * the SQL would not suit either, so a scratch URL is required; the configured URL itself is never used, since it
 * names the application's database rather than an empty one.
 *
 * @param url the JDBC URL
 * @param description what it is, for the first line of output
 * @param file the temporary SQLite file to delete, or {@code null}
 */
record ScratchDatabase(String url, String description, Path file) implements AutoCloseable {

	/**
	 * @param settings the resolved settings (their dialect and URL say which engine the revisions are for)
	 * @return the scratch database
	 * @throws ConfigurationException when the revisions are for a server engine
	 */
	static ScratchDatabase forSettings(Settings settings) {
		Setting dialect = settings.get("dialect");
		Setting url = settings.get("url");
		String engine = dialect.isSet() ? dialect.value() : JdbcUrls.dialectOf(url.value());
		String why = dialect.isSet() ? "the dialect, from " + dialect.source() + ", is " + engine
				: (engine != null) ? "the configured URL, from " + url.source() + ", is " + engine
						: "no dialect or URL is configured";
		if (engine == null || engine.equals("h2")) {
			return new ScratchDatabase("jdbc:h2:mem:migrate_test_" + UUID.randomUUID().toString().substring(0, 8)
					+ ";DB_CLOSE_DELAY=-1", "an in-memory H2 database (" + why + ")", null);
		}
		if (engine.equals("sqlite")) {
			try {
				Path file = Files.createTempFile("migrate-test-", ".db");
				// a scratch file needs no durability: no fsync per commit
				return new ScratchDatabase("jdbc:sqlite:" + file + "?synchronous=OFF",
						"a temporary SQLite file (" + why + ")", file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create a temporary SQLite file: " + ex.getMessage(), ex);
			}
		}
		throw new ConfigurationException("url", "migrate test needs an empty scratch database: " + why
				+ ", whose SQL an embedded database would not run; pass --url with an empty " + engine
				+ " database (the configured URL is left alone)");
	}

	@Override
	public void close() {
		if (this.file != null) {
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				// a temporary file left behind is harmless
			}
		}
	}

}
