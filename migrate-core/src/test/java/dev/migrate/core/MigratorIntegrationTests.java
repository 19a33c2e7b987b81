package dev.migrate.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class MigratorIntegrationTests {

	@TempDir
	Path scripts;

	@EachEngine
	void upgradesAndDowngradesABranchedAndMergedGraphInHops(TestDatabase db) throws Exception {
		new ScriptFiles(this.scripts).branchedAndMerged();
		Migrator migrator = migrator(db);
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.pending("heads")).extracting(RevisionInfo::id).hasSize(7).startsWith("a000", "a001", "a002");

		MigrationResult first = migrator.upgrade("a001");
		assertThat(first.steps()).extracting(AppliedRevision::revision).containsExactly("a000", "a001");
		assertThat(first.versionRowsBefore()).isEmpty();
		assertThat(first.versionRowsAfter()).containsExactly("a001");
		assertThat(migrator.current()).containsExactly("a001");
		assertThat(history(migrator)).containsExactly("upgrade a001 [a000] -> [a001]", "upgrade a000 [] -> [a000]");

		MigrationResult billing = migrator.upgrade("billing@b011");
		assertThat(billing.steps()).extracting(AppliedRevision::revision).containsExactly("a002", "b010", "b011");
		assertThat(migrator.current()).containsExactly("b011");

		MigrationResult catalog = migrator.upgrade("catalog@c020");
		assertThat(catalog.steps()).extracting(AppliedRevision::revision).containsExactly("c020");
		assertThat(migrator.current()).containsExactly("b011", "c020");
		assertThat(history(migrator).get(0)).isEqualTo("upgrade c020 [b011] -> [b011,c020]");

		MigrationResult merge = migrator.upgrade("heads");
		assertThat(merge.steps()).extracting(AppliedRevision::revision).containsExactly("m030");
		assertThat(merge.versionRowsAfter()).containsExactly("m030");
		assertThat(merge.steps().get(0).command()).isEqualTo(CommandKind.UPGRADE);
		assertThat(merge.steps().get(0).versionRowsBefore()).containsExactly("b011", "c020");
		assertThat(merge.steps().get(0).versionRowsAfter()).containsExactly("m030");
		assertThat(history(migrator).get(0)).isEqualTo("upgrade m030 [b011,c020] -> [m030]");
		assertThat(tablesPresent(db, "a000", "a001", "a002", "b010", "b011", "c020", "m030")).hasSize(7);
		assertThat(migrator.upgrade("heads").steps()).isEmpty();

		MigrationResult unmerge = migrator.downgrade("b011");
		assertThat(unmerge.steps()).extracting(AppliedRevision::revision).containsExactly("m030");
		assertThat(unmerge.command()).isEqualTo(CommandKind.DOWNGRADE);
		assertThat(unmerge.steps().get(0).versionRowsBefore()).containsExactly("m030");
		assertThat(migrator.current()).containsExactly("b011", "c020");
		assertThat(history(migrator).get(0)).isEqualTo("downgrade m030 [m030] -> [b011,c020]");

		MigrationResult down = migrator.downgrade("a002");
		assertThat(down.steps()).extracting(AppliedRevision::revision).containsExactlyInAnyOrder("c020", "b011", "b010");
		assertThat(down.steps().get(down.steps().size() - 1).revision()).isEqualTo("b010");
		assertThat(migrator.current()).containsExactly("a002");
		assertThat(tablesPresent(db, "b010", "b011", "c020", "m030")).isEmpty();

		MigrationResult stamp = migrator.stamp("heads", false);
		assertThat(stamp.steps()).extracting(AppliedRevision::command).containsOnly(CommandKind.STAMP);
		assertThat(stamp.steps()).allSatisfy((step) -> assertThat(step.versionRowsBefore()).containsExactly("a002"));
		assertThat(stamp.versionRowsAfter()).containsExactly("m030");
		assertThat(migrator.current()).containsExactly("m030");
		assertThat(history(migrator).get(0)).isEqualTo("stamp m030 [a002] -> [m030]");
		assertThat(tablesPresent(db, "b010")).isEmpty();

		migrator.stamp("a002", false);
		assertThat(migrator.current()).containsExactly("a002");
		MigrationResult toBase = migrator.downgrade("base");
		assertThat(toBase.steps()).extracting(AppliedRevision::revision).containsExactly("a002", "a001", "a000");
		assertThat(migrator.current()).isEmpty();
		assertThat(tablesPresent(db, "a000", "a001", "a002")).isEmpty();
		assertThat(migrator.appliedHistory(0)).allSatisfy((entry) -> assertThat(entry.success()).isTrue())
			.hasSize(2 + 3 + 1 + 1 + 1 + 3 + 1 + 1 + 3);
	}

	@EachEngine
	void reportsHeadsBranchesHistoryAndInfo(TestDatabase db) {
		new ScriptFiles(this.scripts).branchedAndMerged();
		Migrator migrator = migrator(db);
		assertThat(migrator.heads()).extracting(RevisionInfo::id).containsExactly("m030");
		assertThat(migrator.branches()).extracting(RevisionInfo::id).containsExactly("a002");
		assertThat(migrator.history(null)).first().satisfies((info) -> {
			assertThat(info.id()).isEqualTo("m030");
			assertThat(info.marks()).isEqualTo(" (head) (mergepoint)");
		});
		assertThat(migrator.show("billing@head").id()).isEqualTo("m030");
		assertThat(migrator.show("b010").id()).isEqualTo("b010");
		migrator.upgrade("b010");
		MigrationInfo info = migrator.info();
		assertThat(info.current()).containsExactly("b010");
		assertThat(info.heads()).containsExactly("m030");
		assertThat(info.pending()).containsExactlyInAnyOrder("b011", "c020", "m030");
		assertThat(info.isUpToDate()).isFalse();
		assertThat(info.revisions()).filteredOn((status) -> status.state() == RevisionState.APPLIED)
			.extracting((status) -> status.revision().id())
			.containsExactlyInAnyOrder("a000", "a001", "a002", "b010");
		assertThat(info.revisions()).filteredOn((status) -> status.revision().id().equals("b010"))
			.singleElement()
			.satisfies((status) -> {
				assertThat(status.appliedAt()).isNotNull();
				assertThat(status.appliedBy()).contains("@");
				assertThat(status.checksum()).hasSize(64);
			});
		assertThat(info.recentHistory()).hasSize(4);
		migrator.upgrade("heads");
		assertThat(migrator.info().isUpToDate()).isTrue();
	}

	private Migrator migrator(TestDatabase db) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(new ScriptFiles(this.scripts).location())
			.build());
	}

	private static List<String> history(Migrator migrator) {
		return migrator.appliedHistory(0)
			.stream()
			.map((entry) -> entry.direction().verb() + " " + entry.revision() + " "
					+ entry.versionBefore().toString().replace(" ", "") + " -> "
					+ entry.versionAfter().toString().replace(" ", ""))
			.toList();
	}

	static List<String> tablesPresent(TestDatabase db, String... ids) throws SQLException {
		List<String> present = new ArrayList<>();
		try (Connection connection = db.connect()) {
			for (String id : ids) {
				try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
					while (tables.next()) {
						if (tables.getString("TABLE_NAME").equalsIgnoreCase("t_" + id)
								&& (db.engine() != dev.migrate.testsupport.Engine.MARIADB
										|| db.name().equals(tables.getString("TABLE_CAT")))) {
							present.add(id);
						}
					}
				}
			}
		}
		return present;
	}

}
