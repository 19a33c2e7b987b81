package dev.migrate.core;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Migrator#health()} says what {@link Migrator#info()} says about the current and head revisions, the
 * pending count, orphaned version rows and a failed last run, from the version rows and the newest history row.
 */
class MigrationHealthTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void agreesWithInfoOnPendingOrphanedAndAFailedRun(TestDatabase db) throws java.io.IOException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("a001", "a000", null, null);
		files.table("a002", "a001", null, null);
		Migrator migrator = migrator(db, files);
		MigrationHealth empty = migrator.health();
		assertThat(empty.current()).isEmpty();
		assertThat(empty.pending()).isEqualTo(3);
		assertThat(empty.lastRun()).isNull();

		migrator.upgrade("a001");
		MigrationHealth partly = migrator.health();
		MigrationInfo info = migrator.info();
		assertThat(partly.current()).containsExactly("a001").isEqualTo(info.current());
		assertThat(partly.heads()).containsExactly("a002").isEqualTo(info.heads());
		assertThat(partly.pending()).isOne().isEqualTo(info.pending().size());
		assertThat(partly.lastRunFailed()).isFalse();
		assertThat(partly.lastRun().revision()).isEqualTo("a001");

		files.write("a003", "a002", null, null, null,
				"CREATE TABLE t_a003 (id INT);\nINSERT INTO no_such_table VALUES (1);\n", null);
		Migrator failing = migrator(db, files);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> failing.upgrade("heads"));
		MigrationHealth failed = failing.health();
		assertThat(failed.lastRunFailed()).isTrue();
		assertThat(failed.lastRun().revision()).isEqualTo("a003");
		assertThat(failed.pending()).isEqualTo(failing.info().pending().size()).isOne();

		// A version row no script defines (applied by a newer version of the application).
		java.nio.file.Files.delete(this.scripts.resolve("a003_create_a003.sql"));
		java.nio.file.Files.delete(this.scripts.resolve("a002_create_a002.sql"));
		java.nio.file.Files.delete(this.scripts.resolve("a001_create_a001.sql"));
		files.write("a001", "a000", null, null, null, "SELECT 1;\n", null);
		Migrator older = migrator(db, files);
		String quote = (db.engine() == Engine.MARIADB) ? "`" : "\"";
		db.execute("UPDATE " + quote + "migrate_version" + quote + " SET " + quote + "version_num" + quote + " = 'zz99'");
		MigrationHealth orphaned = older.health();
		assertThat(orphaned.orphaned()).containsExactly("zz99");
		assertThat(orphaned.current()).containsExactly("zz99");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void countsARepeatableScriptThatIsNewOrChangedAsPending(TestDatabase db) throws java.io.IOException {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		java.nio.file.Path view = this.scripts.resolve("R_one.sql");
		java.nio.file.Files.writeString(view, "-- Repeatable: one\n\n-- migrate:upgrade\nDROP VIEW IF EXISTS one;\n"
				+ "CREATE VIEW one AS SELECT 1 AS n;\n");
		Migrator before = migrator(db, files);
		MigrationHealth fresh = before.health();
		assertThat(fresh.pending()).isOne();
		assertThat(fresh.pendingRepeatables()).containsExactly("one");

		before.upgrade("heads");
		MigrationHealth upToDate = before.health();
		assertThat(upToDate.pending()).isZero();
		assertThat(upToDate.pendingRepeatables()).isEmpty();
		assertThat(upToDate.upgradePending()).isFalse();

		java.nio.file.Files.writeString(view, "-- Repeatable: one\n\n-- migrate:upgrade\nDROP VIEW IF EXISTS one;\n"
				+ "CREATE VIEW one AS SELECT 2 AS n;\n");
		Migrator edited = migrator(db, files);
		MigrationHealth changed = edited.health();
		assertThat(changed.pending()).isZero();
		assertThat(changed.pendingRepeatables()).containsExactly("one");
		assertThat(changed.upgradePending()).isTrue();
		assertThat(edited.info().repeatables()).extracting(RepeatableStatus::state)
			.containsExactly(RepeatableState.PENDING);
	}

	private static Migrator migrator(TestDatabase db, ScriptFiles files) {
		return Migrator.create(MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());
	}

}
