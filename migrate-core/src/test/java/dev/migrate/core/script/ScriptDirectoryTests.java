package dev.migrate.core.script;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.graph.MissingRevisionException;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.fixture.SeedAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ScriptDirectoryTests {

	@TempDir
	Path dir;

	@Test
	void loadsSqlFilesFromAFileSystemDirectoryIncludingSubfolders() throws IOException {
		write("3f2a_add.sql", script("3f2a", "", "CREATE TABLE a (id INT);"));
		write("2024/9b1c_more.sql", script("9b1c", "3f2a", "CREATE TABLE b (id INT);"));
		ScriptDirectory scripts = load("filesystem:" + this.dir);
		assertThat(scripts.scripts()).extracting(MigrationScript::location)
			.containsExactly(this.dir + "/3f2a_add.sql", this.dir + "/2024/9b1c_more.sql");
		assertThat(scripts.revisions()).extracting(Revision::id).containsExactly("3f2a", "9b1c");
		SqlMigrationScript more = (SqlMigrationScript) scripts.get("9b1c").orElseThrow();
		assertThat(more.revision().revises()).containsExactly("3f2a");
		assertThat(more.upgrade(SqlSyntax.POSTGRESQL)).containsExactly(new SqlStatement("CREATE TABLE b (id INT)", 5));
		assertThat(scripts.get("nope")).isEmpty();
	}

	@Test
	void ignoresFilesAndFoldersStartingWithAnUnderscoreAndFilesThatAreNotSql() throws IOException {
		write("3f2a_add.sql", script("3f2a", "", "SELECT 1;"));
		write("_seed.sql", "INSERT INTO x VALUES (1);");
		write("_drafts/9b1c_draft.sql", "not even a header");
		write("README.md", "# notes");
		assertThat(load("filesystem:" + this.dir).revisions()).extracting(Revision::id).containsExactly("3f2a");
	}

	@Test
	void walksFoldersWhoseNamesEndInSqlAndSkipsLinkedFolders() throws IOException {
		write("3f2a_add.sql", script("3f2a", "", "SELECT 1;"));
		write("archive.sql/9b1c_more.sql", script("9b1c", "3f2a", "SELECT 2;"));
		Path elsewhere = Files.createTempDirectory("migrate-linked");
		Files.writeString(elsewhere.resolve("7c3d_linked.sql"), script("7c3d", "9b1c", "SELECT 3;"));
		Files.createSymbolicLink(this.dir.resolve("linked"), elsewhere);
		Files.createSymbolicLink(this.dir.resolve("5e6f_alias.sql"), elsewhere.resolve("7c3d_linked.sql"));
		ScriptDirectory scripts = load("filesystem:" + this.dir);
		// A linked file is read (here it repeats 7c3d under another name); a linked folder is not walked.
		assertThat(scripts.scripts()).extracting(MigrationScript::location)
			.containsExactly(this.dir + "/3f2a_add.sql", this.dir + "/5e6f_alias.sql",
					this.dir + "/archive.sql/9b1c_more.sql");
	}

	@Test
	void readsScriptsWhoseExtensionIsUpperCase() throws IOException {
		write("3f2a_add.SQL", script("3f2a", "", "SELECT 1;"));
		assertThat(load("filesystem:" + this.dir).revisions()).extracting(Revision::id).containsExactly("3f2a");
	}

	@Test
	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // guards against a hang, times nothing
	void refusesAFifoInsteadOfWaitingForAWriter() throws Exception {
		Path fifo = this.dir.resolve("3f2a_add.sql");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> load("filesystem:" + this.dir))
			.withMessage(fifo + ": not a regular file (a device, pipe or socket, or a link to one); scripts must be"
					+ " regular files: remove it or rename it with a leading '_'");
	}

	@Test
	void refusesALinkToADeviceInsteadOfReadingItUntilTheHeapIsGone() throws IOException {
		assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero does not exist");
		Files.createSymbolicLink(this.dir.resolve("3f2a_add.sql"), Path.of("/dev/zero"));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> load("filesystem:" + this.dir))
			.withMessageContaining("3f2a_add.sql: not a regular file");
	}

	@Test
	void refusesAFileOverTheSizeLimitNamingTheLimit() throws IOException {
		Path big = this.dir.resolve("3f2a_add.sql");
		try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(LocationScanner.MAX_SCRIPT_BYTES + 1L); // sparse: no disk space used
		}
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> load("filesystem:" + this.dir))
			.withMessage(big + ": the file has 134217729 bytes, more than the limit of 134217728 (128 MiB) for one"
					+ " script; split it into several revisions");
	}

	@Test
	void aClasspathLocationThatIsAFileIsNamedAsAFile() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> load("classpath:dev/migrate/core/script/ScriptDirectoryTests.class"))
			.withMessageEndingWith("location 'classpath:dev/migrate/core/script/ScriptDirectoryTests.class' is a file,"
					+ " not a directory; name the directory that holds the scripts");
	}

	@Test
	void rejectsASqlFileThatIsNotAMigrationNamingItAndTheIgnoreRule() throws IOException {
		write("seed.sql", "INSERT INTO x VALUES (1);");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> load("filesystem:" + this.dir))
			.withMessage(this.dir + "/seed.sql:1: expected the header before any SQL ('-- <message>', then"
					+ " '-- Revision ID: <id>'), found 'INSERT INTO x VALUES (1);'. Name files that are not"
					+ " migrations with a leading '_'");
	}

	@Test
	void rejectsTheSameRevisionIdInTwoFiles() throws IOException {
		write("3f2a_add.sql", script("3f2a", "", "SELECT 1;"));
		write("3f2a_copy.sql", script("3f2a", "", "SELECT 2;"));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> load("filesystem:" + this.dir))
			.withMessage(this.dir + "/3f2a_copy.sql: revision '3f2a' is already defined by " + this.dir
					+ "/3f2a_add.sql; give one of them a new 'Revision ID'");
	}

	@Test
	void aMissingDownRevisionIsReportedWithItsFileWhenTheGraphIsBuilt() throws IOException {
		write("ae10_add_users.sql", script("ae10", "f00d", "SELECT 1;"));
		ScriptDirectory scripts = load("filesystem:" + this.dir);
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> RevisionGraph.of(scripts.revisions()))
			.withMessageContaining("'ae10'")
			.withMessageContaining(this.dir + "/ae10_add_users.sql")
			.withMessageContaining("'f00d'");
	}

	@Test
	void rejectsAFileOnDiskThatIsNotUtf8() throws IOException {
		Files.write(this.dir.resolve("3f2a_add.sql"), script("3f2a", "", "INSERT INTO t VALUES ('caf\u00e9');")
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> load("filesystem:" + this.dir))
			.withMessage(this.dir + "/3f2a_add.sql:5: the file is not valid UTF-8 (byte 97 cannot be decoded); save it"
					+ " as UTF-8");
	}

	@Test
	void aMissingLocationIsSkippedOrAnErrorAsConfigured() {
		assertThat(load("filesystem:" + this.dir.resolve("nope")).scripts()).isEmpty();
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ScriptDirectory.load(List.of("classpath:no/such/place"), getClass().getClassLoader(),
					List.of(), true))
			.withMessage("Location 'classpath:no/such/place' does not exist; create it, or fix the 'locations'"
					+ " setting")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("locations"));
	}

	@Test
	void rejectsAnUnknownLocationPrefix() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> load("s3:bucket/migrations"))
			.withMessage("Location 's3:bucket/migrations' has an unknown prefix 's3:'; use 'classpath:' or"
					+ " 'filesystem:'");
	}

	@Test
	void loadsSqlAndJavaMigrationsFromAClasspathDirectory() {
		ScriptDirectory scripts = ScriptDirectory.load(List.of("classpath:dev/migrate/core/script/fixture/"),
				getClass().getClassLoader(), List.of(), true);
		assertThat(scripts.scripts()).extracting(MigrationScript::location)
			.containsExactly("dev/migrate/core/script/fixture/a1b2c3d4e5f6_add_account.sql",
					"dev.migrate.core.script.fixture.SeedAccounts");
		JavaMigrationScript seed = (JavaMigrationScript) scripts.get("b2c3d4e5f6a7").orElseThrow();
		assertThat(seed.migration()).isInstanceOf(SeedAccounts.class);
		assertThat(seed.transactional()).isFalse();
		assertThat(seed.reversible()).isTrue();
		assertThat(seed.checksum()).isNull();
		assertThat(seed.revision().revises()).containsExactly("a1b2c3d4e5f6");
		assertThat(seed.revision().message()).isEqualTo("Seed accounts");
		assertThat(scripts.get("a1b2c3d4e5f6").orElseThrow().checksum()).hasSize(64);
	}

	@Test
	void aRegisteredInstanceReplacesTheScannedClass() {
		SeedAccounts registered = new SeedAccounts();
		ScriptDirectory scripts = ScriptDirectory.load(List.of("classpath:dev/migrate/core/script/fixture"),
				getClass().getClassLoader(), List.of(registered), true);
		assertThat(((JavaMigrationScript) scripts.get("b2c3d4e5f6a7").orElseThrow()).migration()).isSameAs(registered);
		assertThat(scripts.scripts()).hasSize(2);
	}

	@Test
	void aRegisteredInstanceOfAScannedClassWithoutADefaultConstructorIsUsedAsIs() throws Exception {
		Path classes = compile("db.beans.Greeter", """
				package db.beans;

				import dev.migrate.core.script.*;

				@Migration(id = "g1", message = "Greet")
				public class Greeter implements JavaMigration {
					private final String greeting;
					public Greeter(String greeting) {
						this.greeting = greeting;
					}
					public void upgrade(MigrationContext context) throws Exception {
						context.execute("SELECT '" + this.greeting + "'");
					}
				}
				""");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			JavaMigration bean = (JavaMigration) loader.loadClass("db.beans.Greeter")
				.getConstructor(String.class)
				.newInstance("hello");
			ScriptDirectory scripts = ScriptDirectory.load(List.of("classpath:db/beans"), loader, List.of(bean), true);
			assertThat(scripts.scripts()).hasSize(1);
			assertThat(((JavaMigrationScript) scripts.get("g1").orElseThrow()).migration()).isSameAs(bean);
			assertThatExceptionOfType(ScriptException.class)
				.isThrownBy(() -> ScriptDirectory.load(List.of("classpath:db/beans"), loader, List.of(), true))
				.withMessageStartingWith("db.beans.Greeter: the Java migration has no constructor without arguments;"
						+ " add one, or register an instance explicitly");
		}
	}

	@Test
	void rejectsTheClasspathRootAsALocation() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> load("classpath:/"))
			.withMessage("Location 'classpath:/' names the classpath root, which would scan every class; name a"
					+ " folder, e.g. classpath:db/migrations");
	}

	@Test
	void registeredMigrationsWorkWithoutAnyLocation() {
		ScriptDirectory scripts = ScriptDirectory.load(List.of(), getClass().getClassLoader(),
				List.of(new SeedAccounts()), true);
		assertThat(scripts.revisions()).extracting(Revision::id).containsExactly("b2c3d4e5f6a7");
	}

	@Test
	void rejectsARegisteredMigrationWithoutAnnotation() {
		JavaMigration unannotated = (context) -> {
		};
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptDirectory.load(List.of(), getClass().getClassLoader(), List.of(unannotated), true))
			.withMessageStartingWith(unannotated.getClass().getName() + ": the Java migration has no @Migration"
					+ " annotation; add @Migration(id = \"...\", revises = ...)");
	}

	@Test
	void loadsSqlAndJavaMigrationsFromAJarOnTheClasspath() throws Exception {
		Path classes = compile("db.migrations.V2AddIndex", """
				package db.migrations;

				import dev.migrate.core.script.*;

				@Migration(id = "c0ffee", revises = "3f2a", message = "Add index")
				public class V2AddIndex implements JavaMigration {
					public void upgrade(MigrationContext context) throws Exception {
						context.execute("CREATE INDEX ix ON a (id)");
					}
				}
				""");
		Path jar = this.dir.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "db/", null);
			entry(out, "db/migrations/", null);
			entry(out, "db/migrations/3f2a_add.sql", script("3f2a", "", "CREATE TABLE a (id INT);").getBytes());
			entry(out, "db/migrations/_drafts/", null);
			entry(out, "db/migrations/_drafts/x.sql", "no header".getBytes());
			entry(out, "db/migrations/V2AddIndex.class",
					Files.readAllBytes(classes.resolve("db/migrations/V2AddIndex.class")));
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				getClass().getClassLoader())) {
			ScriptDirectory scripts = ScriptDirectory.load(List.of("classpath:db/migrations"), loader, List.of(),
					true);
			assertThat(scripts.scripts()).extracting(MigrationScript::location)
				.containsExactly("db/migrations/3f2a_add.sql", "db.migrations.V2AddIndex");
			JavaMigrationScript index = (JavaMigrationScript) scripts.get("c0ffee").orElseThrow();
			assertThat(index.reversible()).isFalse();
			assertThat(index.migration().getClass().getClassLoader()).isSameAs(loader);
		}
	}

	@Test
	void loadsFromAClasspathDirectoryOfAnotherClassLoader() throws Exception {
		write("classes/db/migrations/3f2a_add.sql", script("3f2a", "", "SELECT 1;"));
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.dir.resolve("classes").toUri().toURL() },
				null)) {
			ScriptDirectory scripts = ScriptDirectory.load(List.of("db/migrations"), loader, List.of(), true);
			assertThat(scripts.scripts()).extracting(MigrationScript::location)
				.containsExactly("db/migrations/3f2a_add.sql");
		}
	}

	@Test
	void rejectsAnAnnotatedClassThatIsNotAJavaMigration() throws Exception {
		Path classes = compile("db.bad.NotAMigration", """
				package db.bad;

				@dev.migrate.core.script.Migration(id = "abc")
				public class NotAMigration {
				}
				""");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			assertThatExceptionOfType(ScriptException.class)
				.isThrownBy(() -> ScriptDirectory.load(List.of("classpath:db/bad"), loader, List.of(), true))
				.withMessage("db.bad.NotAMigration: the class has @Migration but does not implement JavaMigration;"
						+ " implement dev.migrate.core.script.JavaMigration");
		}
	}

	private Path compile(String className, String source) throws IOException {
		Path sources = this.dir.resolve("src");
		Path out = this.dir.resolve("classes-" + className);
		Path file = sources.resolve(className.replace('.', '/') + ".java");
		Files.createDirectories(file.getParent());
		Files.createDirectories(out);
		Files.writeString(file, source);
		String classpath = Path.of(JavaMigration.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.toString();
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int exit = compiler.run(null, null, null, "-proc:none", "-cp", classpath, "-d", out.toString(),
				file.toString());
		assertThat(exit).as("javac exit code").isZero();
		return out;
	}

	private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		if (content != null) {
			out.write(content);
		}
		out.closeEntry();
	}

	private void write(String relative, String content) throws IOException {
		Path file = this.dir.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private ScriptDirectory load(String location) {
		return ScriptDirectory.load(List.of(location), getClass().getClassLoader(), List.of(), false);
	}

	static String script(String id, String revises, String upgrade) {
		return "-- Revision " + id + "\n-- Revision ID: " + id + "\n-- Revises: " + revises
				+ "\n-- migrate:upgrade\n" + upgrade + "\n-- migrate:downgrade\n";
	}

}
