package dev.migrate.core;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.script.ScriptIndex;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A boot with a build-time script index and a recorded validation reads no script when nothing changed, and
 * still catches every change: an edited script fails validation, an added one is pending and applied, a removed
 * one is an error; with the index rebuilt (as the build does) and with the index left stale.
 */
class ScriptIndexBootTests {

	@TempDir
	Path scripts;

	@TempDir
	Path jars;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anUpToDateBootReadsNoScript(TestDatabase db) {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		assertThat(boot(db, files).upgrade("heads").steps()).hasSize(3);
		Migrator second = boot(db, files);
		MigrationResult result = second.upgrade("heads");
		assertThat(result.steps()).isEmpty();
		assertThat(result.versionRowsAfter()).containsExactly("c002");
		assertThat(second.scriptLoads()).isZero();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anEditedScriptIsCaughtWithTheIndexStaleOrRebuilt(TestDatabase db) throws IOException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		boot(db, files).upgrade("heads");
		boot(db, files).upgrade("heads");
		Path edited = this.scripts.resolve("b001_create_b001.sql");
		Files.writeString(edited, Files.readString(edited).replace("(id INT)", "(id INT, name VARCHAR(10))"));
		assertEditCaught(db, files);
		ScriptIndex.write(this.scripts);
		assertEditCaught(db, files);
	}

	private void assertEditCaught(TestDatabase db, ScriptFiles files) {
		assertThatExceptionOfType(ValidationFailedException.class).isThrownBy(() -> boot(db, files).upgrade("heads"))
			.withMessageContaining("Revision 'b001' (" + this.scripts.resolve("b001_create_b001.sql")
					+ ") was applied with checksum")
			.withMessageContaining("it was edited after it ran");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anEditThatKeepsTheSizeIsCaughtInADirectoryAndInAJar(TestDatabase db) throws IOException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		Path jar = jar("app.jar");
		boot(db, files).upgrade("heads");
		assertThat(boot(db, files).upgrade("heads").steps()).isEmpty();
		Path edited = this.scripts.resolve("b001_create_b001.sql");
		java.nio.file.attribute.FileTime indexed = Files.getLastModifiedTime(edited);
		String original = Files.readString(edited);
		Files.writeString(edited, original.replace("(id INT)", "(ID INT)"));
		// Even when the clock has not moved since the index was written: the time differs, by a nanosecond.
		Files.setLastModifiedTime(edited, java.nio.file.attribute.FileTime.from(indexed.toInstant().plusNanos(1)));
		assertEditCaught(db, files);
		Path sameSize = jar("same-size.jar");
		assertThatExceptionOfType(ValidationFailedException.class)
			.isThrownBy(() -> bootJar(db, sameSize).upgrade("heads"))
			.withMessageContaining("Revision 'b001' (db/migrations/b001_create_b001.sql) was applied with checksum");
		Files.writeString(edited, original);
		Files.setLastModifiedTime(edited, indexed);
		Migrator upToDate = bootJar(db, jar);
		assertThat(upToDate.upgrade("heads").steps()).isEmpty();
		assertThat(upToDate.scriptLoads()).isZero();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anAddedScriptIsPendingWithTheIndexStaleOrRebuilt(TestDatabase db) {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		boot(db, files).upgrade("heads");
		boot(db, files).upgrade("heads");
		files.table("d003", "c002", null, null);
		assertThat(boot(db, files).pending("heads")).extracting(RevisionInfo::id).containsExactly("d003");
		assertThat(boot(db, files).upgrade("heads").steps()).extracting(AppliedRevision::revision)
			.containsExactly("d003");
		files.table("e004", "d003", null, null);
		ScriptIndex.write(this.scripts);
		assertThat(boot(db, files).upgrade("heads").steps()).extracting(AppliedRevision::revision)
			.containsExactly("e004");
		Migrator upToDate = boot(db, files);
		assertThat(upToDate.upgrade("heads").versionRowsAfter()).containsExactly("e004");
		assertThat(upToDate.scriptLoads()).isZero();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void aRemovedScriptIsAnErrorWithTheIndexStaleOrRebuilt(TestDatabase db) throws IOException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		boot(db, files).upgrade("heads");
		boot(db, files).upgrade("heads");
		Files.delete(this.scripts.resolve("c002_create_c002.sql"));
		assertRemovalCaught(db, files);
		ScriptIndex.write(this.scripts);
		assertRemovalCaught(db, files);
	}

	private void assertRemovalCaught(TestDatabase db, ScriptFiles files) {
		assertThatExceptionOfType(ValidationFailedException.class).isThrownBy(() -> boot(db, files).upgrade("heads"))
			.withMessageContaining("The version table holds 'c002'")
			.withMessageContaining("but no script defines it any more");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anEditedRepeatableScriptIsReappliedWithTheIndexRebuilt(TestDatabase db) throws IOException {
		ScriptFiles files = chain();
		Path view = this.scripts.resolve("v_a.sql");
		Files.writeString(view, "-- the view\n-- Repeatable: v_a\n--\n\n-- migrate:upgrade\n"
				+ "DROP VIEW IF EXISTS v_a;\nCREATE VIEW v_a AS SELECT 1 AS n;\n");
		ScriptIndex.write(this.scripts);
		assertThat(boot(db, files).upgrade("heads").repeatables()).containsExactly("v_a");
		Migrator upToDate = boot(db, files);
		assertThat(upToDate.upgrade("heads").repeatables()).isEmpty();
		assertThat(upToDate.scriptLoads()).isZero();
		Files.writeString(view, Files.readString(view).replace("SELECT 1 AS n", "SELECT 2 AS n"));
		ScriptIndex.write(this.scripts);
		assertThat(boot(db, files).upgrade("heads").repeatables()).containsExactly("v_a");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void callbacksRunOnEveryUpgradeWithAnIndex(TestDatabase db) throws IOException {
		ScriptFiles files = chain();
		Files.writeString(this.scripts.resolve("afterUpgrade.sql"),
				"CREATE TABLE IF NOT EXISTS t_calls (n INT);\nINSERT INTO t_calls (n) VALUES (1);\n");
		ScriptIndex.write(this.scripts);
		boot(db, files).upgrade("heads");
		Migrator second = boot(db, files);
		assertThat(second.upgrade("heads").steps()).isEmpty();
		assertThat(second.scriptLoads()).isEqualTo(1);
		try (java.sql.Connection connection = db.connect();
				java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM t_calls")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(2);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void anotherCommandSinceTheValidationMakesTheBootValidateAgain(TestDatabase db) {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		boot(db, files).upgrade("heads");
		boot(db, files).downgrade("b001");
		Migrator again = boot(db, files);
		assertThat(again.upgrade("heads").steps()).extracting(AppliedRevision::revision).containsExactly("c002");
		assertThat(again.scriptLoads()).isEqualTo(1);
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	void aRepairedEditThenRevertedIsCaught(TestDatabase db) throws IOException {
		ScriptFiles files = chain();
		ScriptIndex.write(this.scripts);
		boot(db, files).upgrade("heads");
		boot(db, files).upgrade("heads");
		Path edited = this.scripts.resolve("b001_create_b001.sql");
		String original = Files.readString(edited);
		Files.writeString(edited, original.replace("(id INT)", "(id INT, name VARCHAR(10))"));
		ScriptIndex.write(this.scripts);
		assertThat(boot(db, files).repair().checksums()).hasSize(1);
		// The history now holds the edited checksum, and the state recorded before the repair has the original
		// one: going back to the original file is an edit now.
		Files.writeString(edited, original);
		ScriptIndex.write(this.scripts);
		assertEditCaught(db, files);
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anIndexInAJarIsCheckedAgainstItsEntries(TestDatabase db) throws IOException {
		chain();
		ScriptIndex.write(this.scripts);
		Path jar = jar("app.jar");
		assertThat(bootJar(db, jar).upgrade("heads").steps()).hasSize(3);
		Migrator upToDate = bootJar(db, jar);
		assertThat(upToDate.upgrade("heads").steps()).isEmpty();
		assertThat(upToDate.scriptLoads()).isZero();
		Path edited = this.scripts.resolve("a000_create_a000.sql");
		Files.writeString(edited, Files.readString(edited).replace("(id INT)", "(id BIGINT)"));
		Path staleIndex = jar("stale.jar");
		assertThatExceptionOfType(ValidationFailedException.class)
			.isThrownBy(() -> bootJar(db, staleIndex).upgrade("heads"))
			.withMessageContaining("Revision 'a000' (db/migrations/a000_create_a000.sql) was applied with checksum");
		ScriptIndex.write(this.scripts);
		Path rebuilt = jar("rebuilt.jar");
		assertThatExceptionOfType(ValidationFailedException.class)
			.isThrownBy(() -> bootJar(db, rebuilt).upgrade("heads"))
			.withMessageContaining("Revision 'a000' (db/migrations/a000_create_a000.sql) was applied with checksum");
	}

	private ScriptFiles chain() {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("b001", "a000", null, null);
		files.table("c002", "b001", null, null);
		return files;
	}

	private static Migrator boot(TestDatabase db, ScriptFiles files) {
		return Migrator.create(MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
	}

	private static Migrator bootJar(TestDatabase db, Path jar) throws IOException {
		URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null);
		return Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations("classpath:db/migrations")
			.classLoader(loader)
			.build());
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

}
