package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Migrator#info(int, int)} on every engine: each page holds exactly the slice of {@link Migrator#info()}'s
 * revision list (states, history facts, branch and merge points, orphans) with the same summary, through
 * migrations, a downgrade and an orphaned version row, and {@link Migrator#status(String)} each entry; with
 * {@link Migrator#info(int, int, int)}, the newest history rows asked for on any page; it writes nothing, and
 * names a bad parameter.
 */
class MigrationInfoPageTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void everyPageIsTheSliceOfTheFullInfoThroughBranchesMergesAndOrphans(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts).branchedAndMerged();
		Path view = this.scripts.resolve("views/v_billing.sql");
		Files.createDirectories(view.getParent());
		Files.writeString(view, "-- the billing view\n-- Repeatable: v_billing\n-- Depends On: b010\n\n"
				+ "-- migrate:upgrade\nDROP VIEW IF EXISTS v_billing;\nCREATE VIEW v_billing AS SELECT 1 AS n;\n");
		Migrator migrator = Migrator.create(
				MigrateConfig.builder().dataSource(db.dataSource()).locations(files.location()).build());

		// Nothing applied: every revision pending, and reading created no table.
		MigrationInfoPage empty = migrator.info(0, 3);
		assertThat(empty.revisions()).extracting(RevisionStatus::state).containsOnly(RevisionState.PENDING);
		assertThat(empty.total()).isEqualTo(7);
		assertThat(empty.pages()).isEqualTo(3);
		assertThat(tableCount(db)).isZero();
		assertPagesMatchInfo(migrator);

		// One branch applied up to b011, the other (c020, the merge m030) pending.
		migrator.upgrade("b011");
		assertPagesMatchInfo(migrator);
		MigrationInfoPage first = migrator.info(0, 3);
		assertThat(first.revisions()).extracting((status) -> status.revision().id())
			.containsExactly("m030", "b011", "c020");
		assertThat(first.revisions().get(0).revision().mergePoint()).isTrue();
		assertThat(first.revisions().get(0).state()).isEqualTo(RevisionState.PENDING);
		assertThat(first.revisions().get(1).state()).isEqualTo(RevisionState.APPLIED);
		assertThat(first.revisions().get(1).appliedAt()).isNotNull();
		assertThat(first.revisions().get(1).revision().current()).isTrue();
		assertThat(first.revisions().get(2).state()).isEqualTo(RevisionState.PENDING);
		assertThat(first.revisions().get(2).appliedAt()).isNull();
		assertThat(first.pending()).containsExactly("c020", "m030");
		MigrationInfoPage middle = migrator.info(1, 3);
		assertThat(middle.revisions()).extracting((status) -> status.revision().id())
			.containsExactly("b010", "a002", "a001");
		assertThat(middle.revisions().get(1).revision().branchPoint()).isTrue();
		MigrationInfoPage last = migrator.info(2, 3);
		assertThat(last.revisions()).extracting((status) -> status.revision().id()).containsExactly("a000");
		assertThat(migrator.info(3, 3).revisions()).isEmpty();
		assertThat(migrator.info(3, 3).total()).isEqualTo(7);
		assertThat(migrator.info(Integer.MAX_VALUE, MigrationInfoPage.MAX_SIZE).revisions()).isEmpty();

		// Heads, then down and up again: the newest upgrade row of b011 is the one reported.
		migrator.upgrade("heads");
		assertPagesMatchInfo(migrator);
		migrator.downgrade("a002");
		assertPagesMatchInfo(migrator);
		migrator.upgrade("heads");
		assertPagesMatchInfo(migrator);

		// A version row no script defines is listed last, as ORPHANED.
		String quote = (db.engine() == Engine.MARIADB) ? "`" : "\"";
		db.execute("INSERT INTO " + quote + "migrate_version" + quote + " (" + quote + "version_num" + quote
				+ ") VALUES ('zz99')");
		assertPagesMatchInfo(migrator);
		MigrationInfoPage orphaned = migrator.info(1, 4);
		assertThat(orphaned.total()).isEqualTo(8);
		assertThat(orphaned.revisions()).last().satisfies((status) -> {
			assertThat(status.revision().id()).isEqualTo("zz99");
			assertThat(status.state()).isEqualTo(RevisionState.ORPHANED);
		});
	}

	@Test
	void namesTheParameterThatIsOutOfRangeBeforeConnecting() {
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.url("jdbc:postgresql://127.0.0.1:9/none")
			.locations("filesystem:" + this.scripts)
			.build());
		assertThatIllegalArgumentException().isThrownBy(() -> migrator.info(0, 0))
			.withMessage("size must be between 1 and 1000, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> migrator.info(0, 1001))
			.withMessage("size must be between 1 and 1000, was 1001");
		assertThatIllegalArgumentException().isThrownBy(() -> migrator.info(-1, 10))
			.withMessage("page must be 0 or more (the first page is 0), was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> migrator.info(0, 10, -1))
			.withMessage("recentHistory must be between 0 and 1000, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> migrator.info(0, 10, 1001))
			.withMessage("recentHistory must be between 0 and 1000, was 1001");
	}

	// Every page size from 1 to past the end: each page equals its slice of info(), and the summary info()'s; one
	// revision's status equals its entry.
	private static void assertPagesMatchInfo(Migrator migrator) {
		// First after the change: a page that shows no history row still reads the newest one, which tells that the
		// history changed since the last read.
		MigrationInfoPage noHistory = migrator.info(0, MigrationInfoPage.MAX_SIZE, 0);
		MigrationInfo info = migrator.info();
		assertThat(noHistory.recentHistory()).isEmpty();
		assertThat(noHistory.revisions()).isEqualTo(info.revisions());
		// The recent history's length is its own parameter, whatever the page: the newest rows, as many as asked.
		List<HistoryEntry> history = migrator.appliedHistory(MigrationInfoPage.MAX_RECENT_HISTORY);
		for (int rows : List.of(1, 2, 5, MigrationInfoPage.DEFAULT_RECENT_HISTORY, MigrationInfoPage.MAX_RECENT_HISTORY)) {
			assertThat(migrator.info(0, 1, rows).recentHistory()).as("history=%d", rows)
				.isEqualTo(history.subList(0, Math.min(rows, history.size())));
			assertThat(migrator.info(1, 3, rows).recentHistory()).as("history=%d on another page", rows)
				.isEqualTo(history.subList(0, Math.min(rows, history.size())));
		}
		for (RevisionStatus status : info.revisions()) {
			assertThat(migrator.status(status.revision().id())).contains(status);
		}
		assertThat(migrator.status("ffff")).isEmpty();
		for (int size : List.of(1, 2, 3, 5, 8, 100)) {
			int pages = (info.revisions().size() + size - 1) / size;
			for (int page = 0; page <= pages; page++) {
				MigrationInfoPage slice = migrator.info(page, size);
				int from = Math.min(page * size, info.revisions().size());
				int to = Math.min(from + size, info.revisions().size());
				assertThat(slice.revisions()).as("page %d of size %d", page, size)
					.isEqualTo(info.revisions().subList(from, to));
				assertThat(slice.total()).isEqualTo(info.revisions().size());
				assertThat(slice.pages()).isEqualTo(pages);
				assertThat(slice.current()).isEqualTo(info.current());
				assertThat(slice.heads()).isEqualTo(info.heads());
				assertThat(slice.pending()).isEqualTo(info.pending());
				assertThat(slice.recentHistory()).isEqualTo(info.recentHistory());
				assertThat(slice.repeatables()).isEqualTo(info.repeatables());
			}
		}
	}

	private static int tableCount(TestDatabase db) throws SQLException {
		try (Connection connection = db.connect();
				java.sql.ResultSet tables = connection.getMetaData()
					.getTables(connection.getCatalog(), null, "migrate%", new String[] { "TABLE" })) {
			int count = 0;
			while (tables.next()) {
				count++;
			}
			return count;
		}
	}

}
