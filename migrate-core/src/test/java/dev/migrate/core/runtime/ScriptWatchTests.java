package dev.migrate.core.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationHealth;
import dev.migrate.core.MigrationInfoPage;
import dev.migrate.core.RevisionState;
import dev.migrate.core.graph.Target;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Reports on {@code filesystem:} locations take the cached scripts while the {@link ScriptWatch} sees no change, and
 * see an edited, added or removed script at the first report after its event: each test waits (bounded) for the
 * event, never for a time.
 */
class ScriptWatchTests {

	private static final Duration EVENT = Duration.ofSeconds(20);

	@TempDir
	Path scripts;

	@BeforeAll
	static void theSystemDeliversFileEvents() throws IOException {
		// Where the JDK polls instead (macOS), no watch is set up and reports check the files once a second.
		try (WatchService service = FileSystems.getDefault().newWatchService()) {
			assumeFalse(service.getClass().getName().contains("Polling"), "the file system's watch service polls");
		}
	}

	@TempDir
	Path elsewhere;

	@EachEngine({ Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB })
	void reportsFromTheSecondOnDoNotLookAtTheFilesWhileNothingChanges(TestDatabase db) {
		write(this.scripts, "a000", null);
		write(this.scripts, "b001", "a000");
		MigrationCommands commands = commands(db);
		commands.upgrade(Target.parse("heads"));
		commands.health();
		commands.health();
		ScriptCache cache = commands.scriptCache();
		assertThat(cache.watch()).isNotNull();
		assertThat(cache.watch().isRunning()).isTrue();
		long checks = cache.checks();
		for (int i = 0; i < 20; i++) {
			assertThat(commands.health().pending()).isZero();
			assertThat(commands.info(0, 10, MigrationInfoPage.DEFAULT_RECENT_HISTORY).revisions()).hasSize(2);
			assertThat(commands.status("a000")).isPresent();
		}
		assertThat(cache.checks()).isEqualTo(checks);
		assertThat(commands.scriptLoads()).isEqualTo(1);
		commands.close();
	}

	@EachEngine({ Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB })
	void anEditedScriptIsSeenByTheFirstReportAfterItsEvent(TestDatabase db) throws Exception {
		Path a = write(this.scripts, "a000", null);
		MigrationCommands commands = watching(db);
		String before = commands.info(0, 10, MigrationInfoPage.DEFAULT_RECENT_HISTORY).revisions().get(0).checksum();
		long seen = commands.scriptCache().watch().generation();
		Files.writeString(a, Files.readString(a).replace("t_a000 (id INT)", "t_a000 (id BIGINT)"));
		assertThat(commands.scriptCache().watch().awaitChange(seen, EVENT)).isTrue();
		assertThat(commands.info(0, 10, MigrationInfoPage.DEFAULT_RECENT_HISTORY).revisions().get(0).checksum()).isNotEqualTo(before);
		assertThat(commands.scriptLoads()).isEqualTo(2);
		commands.close();
	}

	@EachEngine({ Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB })
	void anAddedScriptIsSeenByTheFirstReportAfterItsEvent(TestDatabase db) throws Exception {
		write(this.scripts, "a000", null);
		MigrationCommands commands = watching(db);
		assertThat(commands.health().pending()).isZero();
		long seen = commands.scriptCache().watch().generation();
		write(this.scripts, "b001", "a000");
		assertThat(commands.scriptCache().watch().awaitChange(seen, EVENT)).isTrue();
		MigrationHealth health = commands.health();
		assertThat(health.pending()).isEqualTo(1);
		assertThat(health.heads()).containsExactly("b001");
		commands.close();
	}

	@EachEngine({ Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB })
	void aRemovedScriptIsSeenByTheFirstReportAfterItsEvent(TestDatabase db) throws Exception {
		write(this.scripts, "a000", null);
		Path b = write(this.scripts, "b001", "a000");
		MigrationCommands commands = watching(db);
		assertThat(commands.health().orphaned()).isEmpty();
		long seen = commands.scriptCache().watch().generation();
		Files.delete(b);
		assertThat(commands.scriptCache().watch().awaitChange(seen, EVENT)).isTrue();
		assertThat(commands.health().orphaned()).containsExactly("b001");
		assertThat(commands.status("b001")).hasValueSatisfying(
				(status) -> assertThat(status.state()).isEqualTo(RevisionState.ORPHANED));
		commands.close();
	}

	@EachEngine(Engine.SQLITE)
	void aScriptInANewSubdirectoryIsSeenByTheFirstReportAfterItsEvent(TestDatabase db) throws Exception {
		write(this.scripts, "a000", null);
		MigrationCommands commands = watching(db);
		ScriptWatch watch = commands.scriptCache().watch();
		long seen = watch.generation();
		Path sub = Files.createDirectory(this.scripts.resolve("later"));
		assertThat(watch.awaitChange(seen, EVENT)).isTrue();
		assertThat(commands.health().pending()).isZero();
		seen = watch.generation();
		write(sub, "b001", "a000");
		assertThat(watch.awaitChange(seen, EVENT)).isTrue();
		assertThat(commands.health().pending()).isEqualTo(1);
		assertThat(commands.scriptCache().watch()).isSameAs(watch);
		commands.close();
	}

	@EachEngine(Engine.SQLITE)
	void aReplacedLocationDirectoryEndsTheWatchAndIsSeenByTheNextReport(TestDatabase db) throws Exception {
		Path location = Files.createDirectory(this.scripts.resolve("migrations"));
		write(location, "a000", null);
		MigrationCommands commands = commands(db, location);
		commands.upgrade(Target.parse("heads"));
		commands.health();
		commands.health();
		ScriptWatch watch = commands.scriptCache().watch();
		assertThat(watch).isNotNull();
		// The directory is renamed away and another takes its name: no event in the watched directory tells.
		Files.move(location, this.scripts.resolve("old"));
		Path replaced = Files.createDirectory(location);
		write(replaced, "a000", null);
		write(replaced, "b001", "a000");
		assertThat(commands.health().pending()).isEqualTo(1);
		assertThat(watch.generation()).isEqualTo(ScriptWatch.BROKEN);
		// The next report watches the new directory.
		commands.health();
		assertThat(commands.scriptCache().watch()).isNotNull().isNotSameAs(watch);
		commands.close();
	}

	@EachEngine(Engine.SQLITE)
	void aSymbolicLinkAmongTheScriptsLeavesThemUnwatched(TestDatabase db) throws Exception {
		write(this.scripts, "a000", null);
		Path target = write(this.elsewhere, "b001", "a000");
		Files.createSymbolicLink(this.scripts.resolve("b001.sql"), target);
		MigrationCommands commands = commands(db);
		commands.health();
		assertThat(commands.health().heads()).containsExactly("b001");
		assertThat(commands.scriptCache().watch()).isNull();
		commands.close();
	}

	@EachEngine(Engine.SQLITE)
	void aSymbolicLinkAddedWhileWatchedEndsTheWatchAndIsSeenByTheNextReport(TestDatabase db) throws Exception {
		write(this.scripts, "a000", null);
		MigrationCommands commands = watching(db);
		ScriptWatch watch = commands.scriptCache().watch();
		long seen = watch.generation();
		Path target = write(this.elsewhere, "b001", "a000");
		Files.createSymbolicLink(this.scripts.resolve("b001.sql"), target);
		assertThat(watch.awaitChange(seen, EVENT)).isTrue();
		assertThat(commands.health().pending()).isEqualTo(1);
		assertThat(watch.generation()).isEqualTo(ScriptWatch.BROKEN);
		commands.health();
		assertThat(commands.scriptCache().watch()).isNull();
		commands.close();
	}

	@EachEngine(Engine.SQLITE)
	void closingStopsTheWatchAndReportsStillAnswer(TestDatabase db) throws Exception {
		write(this.scripts, "a000", null);
		MigrationCommands commands = watching(db);
		ScriptWatch watch = commands.scriptCache().watch();
		commands.close();
		watch.join(EVENT);
		assertThat(watch.isRunning()).isFalse();
		assertThat(commands.health().pending()).isZero();
		assertThat(commands.scriptCache().watch()).isNull();
	}

	// Commands on a database at its heads whose second report started the watch.
	private MigrationCommands watching(TestDatabase db) {
		MigrationCommands commands = commands(db);
		commands.upgrade(Target.parse("heads"));
		commands.health();
		commands.health();
		assertThat(commands.scriptCache().watch()).isNotNull();
		return commands;
	}

	private MigrationCommands commands(TestDatabase db) {
		return commands(db, this.scripts);
	}

	private static MigrationCommands commands(TestDatabase db, Path location) {
		return new MigrationCommands(
				MigrateConfig.builder().dataSource(db.dataSource()).locations("filesystem:" + location).build());
	}

	private static Path write(Path directory, String id, String revises) {
		String text = "-- create " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + ((revises != null) ? revises : "")
				+ "\n-- Create Date: 2026-12-07 00:00:00\n\n-- migrate:upgrade\nCREATE TABLE t_" + id
				+ " (id INT);\n\n-- migrate:downgrade\nDROP TABLE t_" + id + ";\n";
		Path file = directory.resolve(id + "_create_" + id + ".sql");
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

}
