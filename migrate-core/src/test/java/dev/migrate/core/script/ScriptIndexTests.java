package dev.migrate.core.script;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index is used only while it describes its location exactly: every change to a script's size, time (in a
 * directory) or CRC-32 (in a jar), every file added, removed or renamed, anywhere below the location, and every
 * index that is not as written, makes it unusable.
 */
class ScriptIndexTests {

	@TempDir
	Path dir;

	@TempDir
	Path jars;

	@Test
	void anIndexThatDescribesItsDirectoryIsUsed() throws IOException {
		chain();
		ScriptIndex.write(this.dir);
		ScriptIndex index = find().orElseThrow();
		assertThat(index.size()).isEqualTo(3);
		assertThat(index.heads()).containsExactly("c2");
		assertThat(index.digest()).isEqualTo(ScriptDirectory
			.load(List.of("filesystem:" + this.dir), getClass().getClassLoader(), List.of(), true)
			.digest());
	}

	@Test
	void anEditThatKeepsTheSizeIsSeenByTheTime() throws IOException {
		chain();
		ScriptIndex.write(this.dir);
		Path script = this.dir.resolve("nested/b1_b.sql");
		FileTime indexed = Files.getLastModifiedTime(script);
		Files.writeString(script, Files.readString(script).replace("(id INT)", "(ID INT)"));
		Files.setLastModifiedTime(script, FileTime.fromMillis(indexed.toMillis() + 1000));
		assertThat(find()).isEmpty();
		// One nanosecond is a change too.
		Files.setLastModifiedTime(script, FileTime.from(indexed.toInstant().plusNanos(1)));
		assertThat(find()).isEmpty();
		Files.setLastModifiedTime(script, indexed);
		assertThat(find()).isPresent();
	}

	@Test
	void anAddedRemovedOrRenamedScriptMakesItUnusable() throws IOException {
		chain();
		ScriptIndex.write(this.dir);
		Path added = write("nested/deeper/d3_d.sql", script("d3", "c2"));
		assertThat(find()).isEmpty();
		Files.delete(added);
		assertThat(find()).isPresent();
		Path removed = this.dir.resolve("c2_c.sql");
		Path moved = this.jars.resolve("c2_c.sql");
		Files.move(removed, moved);
		assertThat(find()).isEmpty();
		// A rename keeps the size and the time: the path is what differs.
		Files.move(moved, this.dir.resolve("c2_renamed.sql"));
		assertThat(find()).isEmpty();
		Files.move(this.dir.resolve("c2_renamed.sql"), removed);
		assertThat(find()).isPresent();
	}

	@Test
	void ignoredFilesDoNotCountButJavaClassesDo() throws IOException {
		chain();
		ScriptIndex.write(this.dir);
		write("_drafts/e4_e.sql", script("e4", "c2"));
		write("notes.md", "# notes");
		assertThat(find()).isPresent();
		write("nested/V9__Seed.class", "not really a class");
		assertThat(find()).isEmpty();
	}

	@Test
	void anIndexThatIsNotAsWrittenIsNotUsed() throws IOException {
		chain();
		Path file = ScriptIndex.write(this.dir);
		String written = Files.readString(file);
		String[] lines = written.split("\n");
		assertThat(lines).hasSize(7);
		assertThat(find()).isPresent();
		assertUnusable(file, written.replace("migrate-index 1", "migrate-index 0"));
		assertUnusable(file, written.replace("scripts 3", "scripts 2"));
		assertUnusable(file, written.replace("scripts 3", "scripts 4"));
		assertUnusable(file, written.replace("scripts 3", "scripts 300000000"));
		assertUnusable(file, written + lines[6] + "\n");
		// The same file listed twice in place of another.
		assertUnusable(file, written.replace(lines[5], lines[4]));
		// A line without its time, or with a time that is not a number.
		assertUnusable(file, written.replace(lines[4], lines[4].substring(0, lines[4].lastIndexOf('\t'))));
		assertUnusable(file, written.replace(lines[4], lines[4] + "x"));
		assertUnusable(file, written.replace(lines[4], lines[4] + "\t1"));
		assertUnusable(file, written + "trailing\n");
		// Numbers are compared as the index writes them: the same size written otherwise does not pass for it.
		String[] fields = lines[4].split("\t");
		for (String size : List.of("0" + fields[1], "+" + fields[1])) {
			assertUnusable(file, written.replace(lines[4], String.join("\t", fields[0], size, fields[2], fields[3])));
		}
		Files.writeString(file, written);
		assertThat(find()).isPresent();
	}

	@Test
	void aJarEntryIsComparedByItsSizeAndCrc() throws IOException {
		chain();
		ScriptIndex.write(this.dir);
		assertThat(findIn(jar("app.jar"))).isPresent();
		// Same size, other content: only the CRC-32 tells.
		Path script = this.dir.resolve("a0_a.sql");
		Files.writeString(script, Files.readString(script).replace("(id INT)", "(ID INT)"));
		assertThat(findIn(jar("edited.jar"))).isEmpty();
	}

	@Test
	void aJarHoldingOneScriptTwiceInPlaceOfAnotherIsNotUsed() throws IOException {
		chain();
		ScriptIndex.write(this.dir);
		byte[] index = Files.readAllBytes(this.dir.resolve(ScriptIndex.FILE_NAME));
		byte[] a = Files.readAllBytes(this.dir.resolve("a0_a.sql"));
		byte[] b = Files.readAllBytes(this.dir.resolve("nested/b1_b.sql"));
		byte[] c = Files.readAllBytes(this.dir.resolve("c2_c.sql"));
		String root = "db/migrations/";
		Path complete = storedZip("complete.jar", List.of(root, root + "nested/", root + ScriptIndex.FILE_NAME,
				root + "a0_a.sql", root + "nested/b1_b.sql", root + "c2_c.sql"), List.of(new byte[0], new byte[0],
						index, a, b, c));
		assertThat(findIn(complete)).isPresent();
		// Zip files may repeat a name (JarOutputStream refuses to write one that does): three entries, two files.
		Path repeated = storedZip("repeated.jar", List.of(root, root + "nested/", root + ScriptIndex.FILE_NAME,
				root + "a0_a.sql", root + "nested/b1_b.sql", root + "nested/b1_b.sql"), List.of(new byte[0],
						new byte[0], index, a, b, b));
		assertThat(findIn(repeated)).isEmpty();
	}

	// A zip of stored (uncompressed) entries written byte by byte, so that it can hold a name twice.
	private Path storedZip(String name, List<String> names, List<byte[]> contents) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.ByteArrayOutputStream central = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < names.size(); i++) {
			byte[] entryName = names.get(i).getBytes(StandardCharsets.UTF_8);
			byte[] data = contents.get(i);
			java.util.zip.CRC32 crc = new java.util.zip.CRC32();
			crc.update(data);
			int offset = out.size();
			writeInt(out, 0x04034b50);
			writeShorts(out, 10, 0, 0, 0, 0);
			writeInt(out, (int) crc.getValue());
			writeInt(out, data.length);
			writeInt(out, data.length);
			writeShorts(out, entryName.length, 0);
			out.write(entryName);
			out.write(data);
			writeInt(central, 0x02014b50);
			writeShorts(central, 20, 10, 0, 0, 0, 0);
			writeInt(central, (int) crc.getValue());
			writeInt(central, data.length);
			writeInt(central, data.length);
			writeShorts(central, entryName.length, 0, 0, 0, 0);
			writeInt(central, 0);
			writeInt(central, offset);
			central.write(entryName);
		}
		int centralOffset = out.size();
		central.writeTo(out);
		writeInt(out, 0x06054b50);
		writeShorts(out, 0, 0, names.size(), names.size());
		writeInt(out, central.size());
		writeInt(out, centralOffset);
		writeShorts(out, 0);
		return Files.write(this.jars.resolve(name), out.toByteArray());
	}

	private static void writeInt(java.io.ByteArrayOutputStream out, int value) {
		writeShorts(out, value & 0xFFFF, (value >>> 16) & 0xFFFF);
	}

	private static void writeShorts(java.io.ByteArrayOutputStream out, int... values) {
		for (int value : values) {
			out.write(value & 0xFF);
			out.write((value >>> 8) & 0xFF);
		}
	}

	private void assertUnusable(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
		assertThat(find()).as(text).isEmpty();
	}

	private Optional<ScriptIndex> find() {
		return ScriptIndex.find(List.of("filesystem:" + this.dir), getClass().getClassLoader());
	}

	private Optional<ScriptIndex> findIn(Path jar) throws IOException {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			return ScriptIndex.find(List.of("classpath:db/migrations"), loader);
		}
	}

	private void chain() throws IOException {
		write("a0_a.sql", script("a0", ""));
		write("nested/b1_b.sql", script("b1", "a0"));
		write("c2_c.sql", script("c2", "b1"));
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.dir.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	private static String script(String id, String revises) {
		return "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
				+ "\n-- Create Date: 2026-12-06 10:00:00\n\n-- migrate:upgrade\nCREATE TABLE t_" + id
				+ " (id INT);\n\n-- migrate:downgrade\nDROP TABLE t_" + id + ";\n";
	}

	// The directory (with its nested folder flattened into the jar as it is) as db/migrations/ of a jar.
	private Path jar(String name) throws IOException {
		Path jar = this.jars.resolve(name);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(this.dir)) {
			out.putNextEntry(new JarEntry("db/"));
			out.putNextEntry(new JarEntry("db/migrations/"));
			for (Path file : files.sorted().toList()) {
				String relative = this.dir.relativize(file).toString();
				if (relative.isEmpty()) {
					continue;
				}
				if (Files.isDirectory(file)) {
					out.putNextEntry(new JarEntry("db/migrations/" + relative + "/"));
				}
				else {
					out.putNextEntry(new JarEntry("db/migrations/" + relative));
					Files.copy(file, out);
				}
			}
		}
		return jar;
	}

}
