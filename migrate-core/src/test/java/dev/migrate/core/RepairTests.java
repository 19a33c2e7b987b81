package dev.migrate.core;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code repair}: an intentional edit of an applied script is accepted, failed runs of which nothing committed are
 * cleared, and a run that may have committed part of its revision is kept with the commands that settle it.
 */
class RepairTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE })
	void acceptsAnEditedAppliedScriptSoValidationPassesAgain(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		Migrator migrator = migrator(db);
		migrator.upgrade("heads");
		String before = migrator.appliedHistory(1).get(0).checksum();
		Path edited = files.write("a000", null, null, null, null, "CREATE TABLE t_a000 (id INT); -- reviewed\n",
				"DROP TABLE t_a000;\n");
		assertThat(migrator.validate().problems()).singleElement().asString().contains("it was edited after it ran");
		RepairResult result = migrator.repair();
		assertThat(result.checksums()).singleElement().satisfies((change) -> {
			assertThat(change.revision()).isEqualTo("a000");
			assertThat(change.script()).isEqualTo(edited.toString());
			assertThat(change.oldChecksum()).isEqualTo(before);
			assertThat(change.newChecksum()).isNotEqualTo(before);
		});
		assertThat(result.cleared()).isEmpty();
		assertThat(migrator.validate().isValid()).isTrue();
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
		assertThat(migrator.repair().changed()).isFalse();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB })
	void clearsAFailedRunOfWhichNothingCommittedAndKeepsOneThatMayHave(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.write("b001", "a000", null, null, null, "INSERT INTO t_nowhere (id) VALUES (1);\n", "");
		Migrator migrator = migrator(db);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		assertThat(migrator.appliedHistory(0)).hasSize(2);
		RepairResult result = migrator.repair();
		assertThat(result.cleared()).singleElement().satisfies((run) -> {
			assertThat(run.revision()).isEqualTo("b001");
			assertThat(run.reason()).isEqualTo("its first statement failed, so nothing of it committed, and the"
					+ " version table is still [a000]");
		});
		assertThat(migrator.appliedHistory(0)).extracting(HistoryEntry::revision).containsExactly("a000");
		assertThat(result.kept()).isEmpty();

		files.write("c002", "a000", null, null, null, "CREATE TABLE t_c002 (id INT);\nCREATE TABLE t_c002 (id INT);\n",
				"DROP TABLE t_c002;\n");
		files.write("b001", "c002", null, null, null, "SELECT 1;\n", "");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		RepairResult second = migrator.repair();
		if (db.engine() == Engine.MARIADB) {
			// The first CREATE TABLE committed: repair must not pretend the run left nothing.
			assertThat(second.cleared()).isEmpty();
			assertThat(second.kept()).singleElement().asString()
				.startsWith("'c002' failed during upgrade (history row ")
				.endsWith("after 1 committed statement(s): check the database, then finish the revision by hand and"
						+ " run 'migrate stamp c002', or undo what ran and run 'migrate stamp a000'");
		}
		else {
			// PostgreSQL rolled the whole revision back.
			assertThat(second.cleared()).extracting(RepairResult.ClearedRun::revision).containsExactly("c002");
		}
	}

	// The newest history row's id marks "nothing changed since" (the digest table, the status cache), and repair may
	// delete the newest row: its id must never come back. SQLite's history id is AUTOINCREMENT for this (without it,
	// SQLite reuses the largest rowid once that row is gone), which costs one page per commit (benchmarks/README.md).
	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE })
	void neverGivesTheIdOfARowRepairDeletedToANewRow(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.write("b001", "a000", null, null, null, "INSERT INTO t_nowhere (id) VALUES (1);\n", "");
		Migrator migrator = migrator(db);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		long deleted = migrator.appliedHistory(0).get(0).id();
		assertThat(migrator.appliedHistory(0).get(0).success()).isFalse();
		assertThat(migrator.repair().cleared()).extracting(RepairResult.ClearedRun::historyId).containsExactly(deleted);
		files.write("b001", "a000", null, null, null, "CREATE TABLE t_b001 (id INT);\n", "DROP TABLE t_b001;\n");
		migrator.upgrade("heads");
		HistoryEntry newest = migrator.appliedHistory(0).get(0);
		assertThat(newest.revision()).isEqualTo("b001");
		assertThat(newest.success()).isTrue();
		assertThat(newest.id()).isGreaterThan(deleted);
	}

	private Migrator migrator(TestDatabase db) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(new ScriptFiles(this.scripts).location())
			.build());
	}

}
