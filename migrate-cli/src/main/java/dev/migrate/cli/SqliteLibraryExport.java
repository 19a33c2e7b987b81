package dev.migrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Copies the SQLite driver's native library for this platform out of the jar, once, for {@code bin/migrate} to point
 * the driver at ({@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}, which the driver documents): without
 * them the driver writes the library into the temporary directory, and reads it back to compare, on every run.
 */
final class SqliteLibraryExport {

	private SqliteLibraryExport() {
	}

	/**
	 * Writes the library into the directory, as its only file (through a hidden temporary file moved into place,
	 * so that a JVM loading it never reads half a file).
	 * @param directory where to write it, created if missing
	 * @return the library written, or {@code null} when the driver has none for this platform
	 * @throws IOException if it cannot be written
	 */
	static Path export(Path directory) throws IOException {
		String name = LibraryLoaderUtil.getNativeLibName();
		try (InputStream library = SQLiteJDBCLoader.class
			.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
			if (library == null) {
				return null;
			}
			Files.createDirectories(directory);
			Path partial = Files.createTempFile(directory, ".", ".partial");
			Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
			return Files.move(partial, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
	}

}
