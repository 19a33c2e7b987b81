package dev.migrate.core;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.ScriptIndex;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An upgrade with work to do plans from a valid script index and reads each script just before it runs (no
 * script is loaded up front: {@link Migrator#scriptLoads()} stays zero), and a script that changed while its
 * index entry still matches stops the run before that revision, with the revisions before it applied and
 * recorded. Without facts to plan from (an index of the first format, a placeholder to replace), the upgrade
 * loads every script first, as without an index.
 */
class IndexedUpgradeTests {

	@TempDir
	Path scripts;

	@TempDir
	Path jars;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anUpgradeWithWorkPlansFromTheIndexAndReadsEachScriptInTurn(TestDatabase db) throws SQLException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		List<String> heard = new ArrayList<>();
		Migrator migrator = Migrator.create(config(db, files).listener(new MigrationListener() {

			@Override
			public void afterStep(AppliedRevision step) {
				heard.add(step.revision() + " " + step.message());
			}

		}).build());
		MigrationResult result = migrator.upgrade("heads");
		assertThat(result.steps()).extracting(AppliedRevision::revision).containsExactly("a000", "b001", "c002");
		assertThat(heard).containsExactly("a000 create a000", "b001 create b001", "c002 create c002");
		assertThat(migrator.scriptLoads()).isZero();
		assertThat(tableExists(db, "t_c002")).isTrue();
		assertThat(migrator.appliedHistory(0)).extracting(HistoryEntry::checksum)
			.doesNotContainNull()
			.hasSize(3);
		// The state it validated is recorded: the next boot has nothing to do and reads no script either.
		Migrator next = boot(db, files);
		assertThat(next.upgrade("heads").steps()).isEmpty();
		assertThat(next.scriptLoads()).isZero();
		assertThat(next.validate().problems()).isEmpty();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void aScriptChangedUnderAValidLookingIndexStopsTheRunBeforeItsRevision(TestDatabase db)
			throws IOException, SQLException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		Path changed = this.scripts.resolve("c002_create_c002.sql");
		sameSizeAndTime(changed, "(id INT)", "(ID INT)");
		Migrator migrator = boot(db, files);
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("The upgrade stopped before revision 'c002', which did not run (the 2 revisions"
					+ " before it are applied and recorded): " + changed + ": the file changed after _migrate.index"
					+ " was written")
			.withMessageContaining("write the index again");
		assertThat(migrator.current()).containsExactly("b001");
		assertThat(migrator.appliedHistory(0)).extracting(HistoryEntry::revision).containsExactly("b001", "a000");
		assertThat(migrator.appliedHistory(0)).allMatch(HistoryEntry::success);
		assertThat(tableExists(db, "t_b001")).isTrue();
		assertThat(tableExists(db, "t_c002")).isFalse();
		// With the index written again, the edited script runs.
		ScriptIndex.write(this.scripts);
		Migrator rebuilt = boot(db, files);
		assertThat(rebuilt.upgrade("heads").steps()).extracting(AppliedRevision::revision).containsExactly("c002");
		assertThat(rebuilt.scriptLoads()).isZero();
	}

	// The engines whose DDL is transactional, where transactionPerMigration=false runs the plan as one transaction.
	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void inOneTransactionAChangedScriptStopsTheRunBeforeAnythingRuns(TestDatabase db) throws IOException,
			SQLException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		sameSizeAndTime(this.scripts.resolve("c002_create_c002.sql"), "(id INT)", "(ID INT)");
		Migrator migrator = Migrator.create(config(db, files).transactionPerMigration(false).build());
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("The upgrade stopped before revision 'c002'");
		assertThat(migrator.current()).isEmpty();
		assertThat(tableExists(db, "t_a000")).isFalse();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void aScriptThatNoLongerParsesUnderAValidLookingIndexStopsTheRunBeforeItsRevision(TestDatabase db)
			throws IOException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		Path changed = this.scripts.resolve("b001_create_b001.sql");
		sameSizeAndTime(changed, "-- migrate:upgrade", "-- migrate:upgrad_");
		Migrator migrator = boot(db, files);
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("The upgrade stopped before revision 'b001', which did not run (the 1 revision"
					+ " before it is applied and recorded): " + changed + ": the file changed after _migrate.index"
					+ " was written")
			.withMessageContaining("no longer parses");
		assertThat(migrator.current()).containsExactly("a000");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void anEditedAppliedScriptIsCaughtBeforeAnythingRuns(TestDatabase db) throws IOException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		boot(db, files).upgrade("b001");
		Path edited = this.scripts.resolve("a000_create_a000.sql");
		Files.writeString(edited, Files.readString(edited).replace("(id INT)", "(id INT, name VARCHAR(10))"));
		ScriptIndex.write(this.scripts);
		files.table("d003", "c002", null, null);
		ScriptIndex.write(this.scripts);
		Migrator migrator = boot(db, files);
		assertThatExceptionOfType(ValidationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("Revision 'a000' (" + edited + ") was applied with checksum");
		assertThat(migrator.scriptLoads()).isZero();
		assertThat(migrator.current()).containsExactly("b001");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void anIndexOfTheFirstFormatTakesTheUsualPath(TestDatabase db) throws IOException {
		ScriptFiles files = chain();
		Path index = ScriptIndex.write(this.scripts);
		String written = Files.readString(index);
		Files.writeString(index,
				written.substring(0, written.indexOf("facts ")).replace("migrate-index 2", "migrate-index 1"));
		Migrator migrator = boot(db, files);
		assertThat(migrator.upgrade("heads").steps()).hasSize(3);
		assertThat(migrator.scriptLoads()).isOne();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void aPlaceholderToReplaceTakesTheUsualPath(TestDatabase db) throws SQLException {
		ScriptFiles files = chain();
		files.write("d003", "c002", null, null, null, "CREATE TABLE t_${suffix} (id INT);\n", null);
		ScriptIndex.write(this.scripts);
		Migrator migrator = Migrator.create(config(db, files).placeholder("suffix", "d003").build());
		assertThat(migrator.upgrade("heads").steps()).hasSize(4);
		assertThat(migrator.scriptLoads()).isOne();
		assertThat(tableExists(db, "t_d003")).isTrue();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void aScriptWithoutASectionForTheEngineIsReportedBeforeAnythingRuns(TestDatabase db) {
		ScriptFiles files = chain();
		files.write("d003", "c002", null, null, null, "", null);
		Path file = this.scripts.resolve("d003_create_d003.sql");
		try {
			Files.writeString(file, Files.readString(file).replace("-- migrate:upgrade", "-- migrate:upgrade h2"));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		ScriptIndex.write(this.scripts);
		Migrator migrator = boot(db, files);
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("no upgrade section for");
		assertThat(migrator.current()).isEmpty();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anUpgradeFromAJarPlansFromItsIndexAndRecordsTheScriptsChecksums(TestDatabase db)
			throws IOException, SQLException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		Path jar = jar("app.jar");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			Migrator migrator = Migrator.create(MigrateConfig.builder()
				.dataSource(db.dataSource())
				.locations("classpath:db/migrations")
				.classLoader(loader)
				.build());
			assertThat(migrator.upgrade("heads").steps()).extracting(AppliedRevision::revision)
				.containsExactly("a000", "b001", "c002");
			assertThat(migrator.scriptLoads()).isZero();
			ScriptDirectory loaded = ScriptDirectory.load(List.of(files.location()), getClass().getClassLoader(),
					List.of(), true);
			assertThat(migrator.appliedHistory(0)).extracting(HistoryEntry::checksum)
				.containsExactly(checksum(loaded, "c002"), checksum(loaded, "b001"), checksum(loaded, "a000"));
		}
		assertThat(tableExists(db, "t_c002")).isTrue();
	}

	// Edits a script in place, keeping its size and its modification time: the index's entry still matches.
	private static void sameSizeAndTime(Path file, String from, String to) throws IOException {
		assertThat(from).hasSameSizeAs(to);
		FileTime time = Files.getLastModifiedTime(file);
		String text = Files.readString(file);
		assertThat(text).contains(from);
		Files.writeString(file, text.replace(from, to));
		Files.setLastModifiedTime(file, time);
	}

	private static String checksum(ScriptDirectory scripts, String id) {
		return scripts.get(id).orElseThrow().checksum();
	}

	// The scripts directory, index included, as db/migrations/ in a jar (with its directory entries).
	private Path jar(String name) throws IOException {
		Path jar = this.jars.resolve(name);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> listing = Files.list(this.scripts)) {
			out.putNextEntry(new JarEntry("db/"));
			out.putNextEntry(new JarEntry("db/migrations/"));
			for (Path file : listing.sorted().toList()) {
				out.putNextEntry(new JarEntry("db/migrations/" + file.getFileName()));
				Files.copy(file, out);
			}
		}
		return jar;
	}

	private static boolean tableExists(TestDatabase db, String table) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.executeQuery("SELECT COUNT(*) FROM " + table).close();
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private ScriptFiles chain() {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("b001", "a000", null, null);
		files.table("c002", "b001", null, null);
		return files;
	}

	private static MigrateConfig.Builder config(TestDatabase db, ScriptFiles files) {
		return MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location());
	}

	private static Migrator boot(TestDatabase db, ScriptFiles files) {
		return Migrator.create(config(db, files).build());
	}

}
