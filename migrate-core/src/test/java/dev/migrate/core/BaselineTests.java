package dev.migrate.core;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Adopting a database that holds an application's tables but no migrate history: a first revision that fails says
 * how; {@code baselineOnMigrate} stamps the baseline revision, then upgrades from there.
 */
class BaselineTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void aFailingFirstRevisionOnATableFullDatabaseSaysHowToAdoptItThenBaselineOnMigrateDoes(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.write("a000", null, null, null, null, "CREATE TABLE legacy_users (id INT);\n", null);
		files.table("b001", "a000", null, null);
		db.execute("CREATE TABLE legacy_users (id INT)");

		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(db, false, null).upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.getRevision()).isEqualTo("a000"))
			.withMessageContainingAll("The database held 1 table (", "but no version table",
					"('migrate stamp <revision>'), or set baselineOnMigrate and baselineRevision");

		MigrationResult result = migrator(db, true, null).upgrade("heads");

		assertThat(result.steps()).extracting(AppliedRevision::revision, AppliedRevision::command)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a000", CommandKind.STAMP),
					org.assertj.core.groups.Tuple.tuple("b001", CommandKind.UPGRADE));
		assertThat(result.versionRowsBefore()).isEmpty();
		assertThat(result.versionRowsAfter()).containsExactly("b001");
		assertThat(migrator(db, true, null).appliedHistory(0)).extracting(HistoryEntry::revision)
			.startsWith("b001", "a000");
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void baselineRevisionChoosesTheRevisionTheSchemaMatches(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("b001", "a000", null, null);
		files.table("c002", "b001", null, null);
		db.execute("CREATE TABLE t_a000 (id INT)");
		db.execute("CREATE TABLE t_b001 (id INT)");

		MigrationResult result = migrator(db, true, "b001").upgrade("heads");

		assertThat(result.steps()).extracting(AppliedRevision::revision).containsExactly("b001", "c002");
		assertThat(result.versionRowsAfter()).containsExactly("c002");
	}

	@EachEngine({ Engine.H2, Engine.SQLITE })
	void anEmptyDatabaseIsUpgradedFromTheBaseEvenWithBaselineOnMigrate(TestDatabase db) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.table("b001", "a000", null, null);

		MigrationResult result = migrator(db, true, null).upgrade("heads");

		assertThat(result.steps()).extracting(AppliedRevision::command)
			.containsExactly(CommandKind.UPGRADE, CommandKind.UPGRADE);
		// Migrated once, the database is no longer one to adopt: after a downgrade to base, tables of its own do
		// not make the next upgrade a stamp.
		migrator(db, true, null).downgrade("base");
		db.execute("CREATE TABLE other_app (id INT)");
		assertThat(migrator(db, true, null).upgrade("heads").steps()).extracting(AppliedRevision::command)
			.containsExactly(CommandKind.UPGRADE, CommandKind.UPGRADE);
	}

	private Migrator migrator(TestDatabase db, boolean baseline, String revision) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.scripts)
			.baselineOnMigrate(baseline)
			.baselineRevision(revision)
			.build());
	}


}
