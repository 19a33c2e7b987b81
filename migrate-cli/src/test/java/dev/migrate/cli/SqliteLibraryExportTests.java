package dev.migrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native library {@code bin/migrate} points the SQLite driver at is the driver's own, byte for byte, and the only
 * file of its directory (the script takes the directory's file as the library's name).
 */
class SqliteLibraryExportTests {

	@TempDir
	Path directory;

	@Test
	void writesTheDriversLibraryForThisPlatformAsTheOnlyFile() throws IOException {
		Path library = SqliteLibraryExport.export(this.directory.resolve("sqlite-native"));
		// Written again over the first copy, as after a rebuilt jar.
		assertThat(SqliteLibraryExport.export(this.directory.resolve("sqlite-native"))).isEqualTo(library);

		assertThat(library.getFileName()).hasToString(LibraryLoaderUtil.getNativeLibName());
		try (InputStream original = SQLiteJDBCLoader.class.getResourceAsStream(
				LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
			assertThat(Files.readAllBytes(library)).isNotEmpty().isEqualTo(original.readAllBytes());
		}
		try (Stream<Path> files = Files.list(library.getParent())) {
			assertThat(files).containsExactly(library);
		}
	}

}
