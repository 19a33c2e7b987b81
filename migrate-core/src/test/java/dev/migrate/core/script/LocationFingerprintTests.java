package dev.migrate.core.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocationFingerprint} of a filesystem location: equal while nothing changes, different after any change
 * that could change what loading reads, in the location or below it, through a link or not.
 */
class LocationFingerprintTests {

	private static final FileTime TIME = FileTime.fromMillis(1_700_000_000_000L);

	@TempDir
	Path directory;

	private Path scripts;

	@BeforeEach
	void scripts() throws IOException {
		this.scripts = Files.createDirectories(this.directory.resolve("scripts"));
		write(this.scripts.resolve("a001_first.sql"), "SELECT 1;");
		write(Files.createDirectories(this.scripts.resolve("sub")).resolve("b001_second.sql"), "SELECT 2;");
	}

	@Test
	void isEqualWhileNothingChanges() {
		assertThat(fingerprint()).isEqualTo(fingerprint()).hasSameHashCodeAs(fingerprint());
	}

	@Test
	void changesWhenAFilesModificationTimeChanges() throws IOException {
		LocationFingerprint before = fingerprint();
		Path file = this.scripts.resolve("a001_first.sql");
		Files.setLastModifiedTime(file, FileTime.fromMillis(TIME.toMillis() + 1));
		assertThat(fingerprint()).isNotEqualTo(before);
	}

	@Test
	void changesWhenAFileBelowTheLocationChanges() throws IOException {
		LocationFingerprint before = fingerprint();
		write(this.scripts.resolve("sub/b001_second.sql"), "SELECT 22;");
		assertThat(fingerprint()).isNotEqualTo(before);
	}

	@Test
	void changesWhenAFileIsAddedOrRemoved() throws IOException {
		LocationFingerprint before = fingerprint();
		Path added = this.scripts.resolve("sub/c001_third.sql");
		write(added, "SELECT 3;");
		LocationFingerprint withIt = fingerprint();
		assertThat(withIt).isNotEqualTo(before);
		Files.delete(this.scripts.resolve("a001_first.sql"));
		assertThat(fingerprint()).isNotEqualTo(withIt).isNotEqualTo(before);
	}

	@Test
	void changesWhenALinkIsPointedAtAnotherFileOfTheSameSizeAndTime() throws IOException {
		Path one = write(this.directory.resolve("one.sql"), "SELECT 5;");
		Path other = write(this.directory.resolve("other.sql"), "SELECT 6;");
		Path link = Files.createSymbolicLink(this.scripts.resolve("d001_linked.sql"), one);
		LocationFingerprint before = fingerprint();
		Files.delete(link);
		Files.createSymbolicLink(link, other);
		assertThat(fingerprint()).isNotEqualTo(before);
	}

	@Test
	void changesWhenAFileBehindALinkChanges() throws IOException {
		Path target = write(this.directory.resolve("target.sql"), "SELECT 7;");
		Files.createSymbolicLink(this.scripts.resolve("e001_linked.sql"), target);
		LocationFingerprint before = fingerprint();
		Files.setLastModifiedTime(target, FileTime.fromMillis(TIME.toMillis() + 1));
		assertThat(fingerprint()).isNotEqualTo(before);
	}

	@Test
	void aMissingLocationDiffersFromTheSameOnceItExists() throws IOException {
		LocationFingerprint missing = LocationFingerprint.of(List.of("filesystem:" + this.directory.resolve("none")),
				getClass().getClassLoader());
		assertThat(missing).isEqualTo(LocationFingerprint.of(List.of("filesystem:" + this.directory.resolve("none")),
				getClass().getClassLoader()));
		Files.createDirectories(this.directory.resolve("none"));
		assertThat(LocationFingerprint.of(List.of("filesystem:" + this.directory.resolve("none")),
				getClass().getClassLoader())).isNotEqualTo(missing);
	}

	private LocationFingerprint fingerprint() {
		return LocationFingerprint.of(List.of("filesystem:" + this.scripts), getClass().getClassLoader());
	}

	private static Path write(Path file, String text) throws IOException {
		Files.writeString(file, text);
		Files.setLastModifiedTime(file, TIME);
		return file;
	}

}
