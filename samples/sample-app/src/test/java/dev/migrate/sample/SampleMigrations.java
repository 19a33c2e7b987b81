package dev.migrate.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sample's revisions, read from the headers of {@code db/migrations/*.sql} on the test class path, so
 * the tests follow when a revision is added.
 */
final class SampleMigrations {

	/** The merge revision, the single head. */
	static final String HEAD = "e8f14a2c6b39";

	private static final Pattern REVISION_ID = Pattern.compile("(?m)^-- Revision ID: ([0-9a-f]{12})\\s*$");

	private SampleMigrations() {
	}

	static Path directory() {
		URL url = SampleMigrations.class.getResource("/db/migrations");
		if (url == null) {
			throw new IllegalStateException("db/migrations is not on the test class path");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> revisionIds() {
		try (Stream<Path> files = Files.list(directory())) {
			return files.filter((file) -> file.toString().endsWith(".sql")).sorted().map(SampleMigrations::revisionId).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String revisionId(Path file) {
		try {
			Matcher matcher = REVISION_ID.matcher(Files.readString(file));
			if (!matcher.find()) {
				throw new IllegalStateException(file + " has no '-- Revision ID:' header");
			}
			return matcher.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
