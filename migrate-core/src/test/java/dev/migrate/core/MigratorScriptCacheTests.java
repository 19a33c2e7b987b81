package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.graph.ResolutionException;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One {@link Migrator} reads its scripts once and again only when a file changes.
 */
class MigratorScriptCacheTests {

	@TempDir
	Path scripts;

	@EachEngine(Engine.SQLITE)
	void commandsReadTheScriptsOnceWhileTheFilesStayTheSame(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("b001", "a000", null, null);
		Migrator migrator = Migrator.create(
				MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
		migrator.upgrade("heads");
		for (int i = 0; i < 20; i++) {
			assertThat(migrator.info().pending()).isEmpty();
			assertThat(migrator.heads()).extracting(RevisionInfo::id).containsExactly("b001");
			assertThat(migrator.validate().problems()).isEmpty();
			assertThat(migrator.upgrade("heads").steps()).isEmpty();
		}
		assertThat(migrator.scriptLoads()).isEqualTo(1);
	}

	@Test
	void aNewFileIsSeenByTheNextCommand() {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Migrator migrator = Migrator.create(MigrateConfig.builder().locations(files.location()).build());
		assertThat(migrator.heads()).extracting(RevisionInfo::id).containsExactly("a000");
		files.table("b001", "a000", null, null);
		assertThat(migrator.heads()).extracting(RevisionInfo::id).containsExactly("b001");
		assertThat(migrator.heads()).extracting(RevisionInfo::id).containsExactly("b001");
		assertThat(migrator.scriptLoads()).isEqualTo(2);
	}

	@EachEngine(Engine.SQLITE)
	void anEditThatKeepsTheSizeIsSeenByTheNextCommand(TestDatabase db) throws IOException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		Path file = files.write("a000", null, null, null, null, "CREATE TABLE t_1 (id INT);\n", null);
		Migrator migrator = Migrator.create(
				MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
		String before = migrator.info().revisions().get(0).checksum();
		FileTime written = Files.getLastModifiedTime(file);
		Files.writeString(file, Files.readString(file).replace("t_1", "t_2"));
		// Coarse file system clocks may give both writes one time stamp; the test is about the content.
		Files.setLastModifiedTime(file, FileTime.from(written.toInstant().plusSeconds(1)));
		assertThat(migrator.info().revisions().get(0).checksum()).isNotEqualTo(before);
		assertThat(migrator.scriptLoads()).isEqualTo(2);
	}

	@Test
	void aRemovedFileIsSeenByTheNextCommand() throws IOException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Path b = files.table("b001", "a000", null, null);
		Migrator migrator = Migrator.create(MigrateConfig.builder().locations(files.location()).build());
		assertThat(migrator.show("b001").id()).isEqualTo("b001");
		Files.delete(b);
		assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> migrator.show("b001"));
		assertThat(migrator.scriptLoads()).isEqualTo(2);
	}

	@Test
	void aBrokenScriptIsReportedOnEveryCallUntilFixed() throws IOException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		Path file = files.table("a000", null, null, null);
		String good = Files.readString(file);
		Files.writeString(file, good.replace("-- Revision ID: a000\n", ""));
		Migrator migrator = Migrator.create(MigrateConfig.builder().locations(files.location()).build());
		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::heads);
		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::heads);
		Files.writeString(file, good);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(migrator.heads()).extracting(RevisionInfo::id).containsExactly("a000");
		assertThat(migrator.scriptLoads()).isEqualTo(3);
	}

	@EachEngine(Engine.SQLITE)
	void aReportSeesANewFileOnceItsEventArrivesAndACommandAtOnce(TestDatabase db) throws InterruptedException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Migrator migrator = Migrator.create(
				MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
		migrator.upgrade("heads");
		assertThat(migrator.health().pending()).isZero();
		files.table("b001", "a000", null, null);
		// A command that changes the database always sees the new file; a report may be a moment behind it.
		assertThat(migrator.pending("heads")).extracting(RevisionInfo::id).containsExactly("b001");
		assertThat(migrator.health().pending()).isEqualTo(1);
		files.table("c002", "b001", null, null);
		// Reports are watched from the second on: the new file counts once the watch's event is in (the exact
		// wait on the event is in ScriptWatchTests); a bounded wait here, not a timing assertion.
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
		while (migrator.health().pending() != 2 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(migrator.health().pending()).isEqualTo(2);
		assertThat(migrator.info(0, 10).pending()).hasSize(2);
		migrator.close();
	}

}
