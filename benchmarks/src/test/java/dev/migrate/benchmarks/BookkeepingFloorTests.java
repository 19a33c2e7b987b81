package dev.migrate.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bookkeeping floor writes what migrate writes: tables created by the same statements, and the same version
 * and history rows (up to times, ids and who ran it), in every form measured.
 */
class BookkeepingFloorTests {

	private static final int SIZE = 3;

	@TempDir
	Path root;

	@ParameterizedTest
	@EnumSource(names = { "SQLITE", "POSTGRESQL", "MARIADB" })
	void floorCreatesTheTablesWithMigratesOwnStatements(Engine engine) {
		try (TestDatabase db = database(engine)) {
			Dialect dialect = DialectResolver.of(dev.migrate.core.dialect.Engine.fromUrl(db.url()));
			assertThat(BookkeepingFloor.createTables(Tool.RAW_JDBC_BOOKKEEPING, db.url())).containsExactly(
					dialect.createVersionTable(null, BookkeepingFloor.VERSION_TABLE),
					dialect.createHistoryTable(null, BookkeepingFloor.HISTORY_TABLE));
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "SQLITE", "POSTGRESQL", "MARIADB" })
	void everyFloorFormLeavesTheRowsMigrateLeaves(Engine engine) throws Exception {
		Workload workload = Workload.create(this.root, SIZE);
		List<List<String>> migrated;
		try (TestDatabase db = database(engine)) {
			Migrator.create(MigrateConfig.builder()
				.url(db.url())
				.user(db.user())
				.password(db.password())
				.locations("filesystem:" + workload.migrateDirectory())
				.build()).upgrade("heads");
			migrated = rows(db);
		}
		List<Tool> forms = Arrays.stream(Tool.values()).filter((tool) -> Harness.floorRunsOn(tool, engine)).toList();
		assertThat(forms).hasSizeGreaterThan(1);
		for (Tool tool : forms) {
			try (TestDatabase db = database(engine)) {
				BookkeepingFloor.run(tool, workload, db.url(), (db.user() != null) ? db.user() : "",
						(db.password() != null) ? db.password() : "");
				assertThat(rows(db)).as(tool.displayName()).isEqualTo(migrated);
				assertThat(ChildMain.countTables(db.url(), db.user(), db.password())).isEqualTo(SIZE);
			}
		}
	}

	private static TestDatabase database(Engine engine) {
		assumeTrue(TestDatabases.isAvailable(engine), engine.displayName() + " is not available");
		return TestDatabases.create(engine);
	}

	// The version rows, then per history row what does not depend on the clock or the machine.
	private static List<List<String>> rows(TestDatabase db) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet result = statement.executeQuery("SELECT version_num FROM migrate_version")) {
				while (result.next()) {
					rows.add(List.of("version", result.getString(1)));
				}
			}
			try (ResultSet result = statement.executeQuery("SELECT revision, direction, version_before, version_after,"
					+ " message, checksum, success, error, failed_statement, statements_done, progress_checksum"
					+ " FROM migrate_history ORDER BY id")) {
				while (result.next()) {
					rows.add(List.of(result.getString(1), result.getString(2), String.valueOf(result.getString(3)),
							result.getString(4), result.getString(5), String.valueOf(result.getString(6).length()),
							String.valueOf(result.getBoolean(7)), String.valueOf(result.getString(8)),
							String.valueOf(result.getObject(9)), String.valueOf(result.getInt(10)),
							String.valueOf((result.getString(11) != null) ? result.getString(11).length() : 0)));
				}
			}
		}
		return rows;
	}

}
