package dev.migrate.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.Migrator;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's own migrations, run through the {@link Migrator} facade on every available engine: the
 * feature branch alone, the merge, every downgrade back to base, and up again.
 */
class SampleMigrationsTests {

	private static final List<String> TABLES = List.of("author", "book", "book_availability", "loan");

	@EachEngine
	void upgradesTheLoansBranchAloneThenMergesIt(TestDatabase db) throws SQLException {
		Migrator migrator = migrator(db);
		// Not 'loans@head': the merge revision descends from the labeled one, so it is that branch's head.
		MigrationResult branch = migrator.upgrade("d26b8f4c0e93");
		assertThat(branch.versionRowsAfter()).containsExactly("d26b8f4c0e93");
		assertThat(tables(db)).contains("author", "book", "loan").doesNotContain("book_availability");
		MigrationResult merge = migrator.upgrade("heads");
		assertThat(merge.steps()).extracting(AppliedRevision::revision).containsExactly("5f0e6b8d1a27", SampleMigrations.HEAD);
		assertThat(merge.versionRowsAfter()).containsExactly(SampleMigrations.HEAD);
		assertThat(tables(db)).containsAll(TABLES);
	}

	@EachEngine
	void downgradesEveryRevisionToBaseAndUpgradesAgain(TestDatabase db) throws SQLException {
		Migrator migrator = migrator(db);
		assertThat(migrator.upgrade("heads").steps()).hasSize(SampleMigrations.revisionIds().size());
		db.execute("INSERT INTO author (name, sort_name) VALUES ('N. K. Jemisin', 'n. k. jemisin')");
		MigrationResult down = migrator.downgrade("base");
		assertThat(down.steps()).hasSize(SampleMigrations.revisionIds().size());
		assertThat(down.versionRowsAfter()).isEmpty();
		assertThat(tables(db)).doesNotContainAnyElementsOf(TABLES);
		assertThat(migrator.upgrade("heads").versionRowsAfter()).containsExactly(SampleMigrations.HEAD);
		assertThat(tables(db)).containsAll(TABLES);
	}

	private static Migrator migrator(TestDatabase db) {
		return Migrator.create(MigrateConfig.builder().dataSource(db.dataSource()).build());
	}

	private static List<String> tables(TestDatabase db) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = db.connect();
				ResultSet rs = connection.getMetaData()
					.getTables(connection.getCatalog(), null, "%", null)) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

}
