package dev.migrate.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Offline SQL compared as text with golden files under {@code src/test/resources/golden/}. Run with
 * {@code -Dgolden.update=true} to rewrite them after a deliberate change, then review the diff.
 */
class OfflineSqlTests {

	private final Migrator migrator = Migrator
		.create(MigrateConfig.builder().locations("classpath:offline").build());

	static Stream<Arguments> scripts() {
		return Stream.of("postgresql", "mysql", "mariadb", "sqlite", "sqlserver", "h2")
			.flatMap((dialect) -> Stream.of(Arguments.of(dialect, "upgrade", "heads"),
					Arguments.of(dialect, "downgrade", "heads:base")));
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("scripts")
	void offlineSqlMatchesTheGoldenFile(String dialect, String direction, String range) throws IOException {
		String sql = direction.equals("upgrade") ? this.migrator.upgradeSql(range, dialect)
				: this.migrator.downgradeSql(range, dialect);
		String name = dialect + "-" + direction + ".sql";
		if (Boolean.getBoolean("golden.update")) {
			Path file = Path.of("src/test/resources/golden", name);
			Files.writeString(file, sql);
		}
		assertThat(sql).isEqualTo(golden(name));
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void offlineSqlRunsOnTheEngineAndMovesTheVersionTable(TestDatabase db) throws Exception {
		String dialect = db.engine().name().toLowerCase(java.util.Locale.ROOT);
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			for (String sql : this.migrator.upgradeSql("heads", dialect).split(";\n\n")) {
				if (!sql.isBlank()) {
					statement.execute(sql.replaceAll("(?m)^--.*\n\n", ""));
				}
			}
			assertThat(versionRows(statement, db.engine() == Engine.MARIADB ? "`" : "\"")).containsExactly("m003");
			for (String sql : this.migrator.downgradeSql("heads:base", dialect).split(";\n\n")) {
				if (!sql.isBlank()) {
					statement.execute(sql.replaceAll("(?m)^--.*\n\n", ""));
				}
			}
			assertThat(versionRows(statement, db.engine() == Engine.MARIADB ? "`" : "\"")).isEmpty();
		}
		Migrator online = Migrator.create(MigrateConfig.builder().dataSource(db.dataSource())
			.locations("classpath:offline").build());
		assertThat(online.upgrade("heads").versionRowsAfter()).containsExactly("m003");
	}

	private static List<String> versionRows(Statement statement, String quote) throws Exception {
		List<String> rows = new ArrayList<>();
		try (ResultSet result = statement
			.executeQuery("SELECT " + quote + "version_num" + quote + " FROM " + quote + "migrate_version" + quote)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

	@Test
	void upgradeFromARevisionOmitsTheVersionTableAndUpdatesItsRow() {
		String sql = this.migrator.upgradeSql("b001:c002", "postgresql");
		assertThat(sql).doesNotContain("CREATE TABLE IF NOT EXISTS \"migrate_version\"")
			.doesNotContain("CREATE TABLE invoice")
			.contains("CREATE TABLE product")
			.contains("UPDATE \"migrate_version\" SET \"version_num\" = 'c002' WHERE \"version_num\" = 'b001'");
	}

	@Test
	void aReversedUpgradeRangeIsRefusedRatherThanPrintedAsAnEmptyScript() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.migrator.upgradeSql("c002:b001", "postgresql"))
			.withMessage("Range 'c002:b001' is empty: 'b001' is not above 'c002'; swap the ends ('b001:c002')");
		assertThat(this.migrator.upgradeSql("c002:c002", "postgresql")).doesNotContain("CREATE TABLE");
	}

	@Test
	void downgradeNeedsARange() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> this.migrator.downgradeSql("base", "h2"))
			.withMessage("Offline downgrade needs a range 'start:end' (for example 'head:base'), because there is no "
					+ "database to read the current version from; got 'base'");
	}

	@Test
	void unknownDialectNamesTheKnownOnes() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.migrator.upgradeSql("heads", "oracle"))
			.withMessage("Unknown dialect 'oracle'; use one of postgresql, mysql, mariadb, sqlite, sqlserver, h2");
	}

	private static String golden(String name) throws IOException {
		try (InputStream in = OfflineSqlTests.class.getResourceAsStream("/golden/" + name)) {
			assertThat(in).as("golden file " + name + " (create it with -Dgolden.update=true)").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
