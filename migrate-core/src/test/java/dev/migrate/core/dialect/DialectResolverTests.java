package dev.migrate.core.dialect;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrate.core.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DialectResolverTests {

	static Stream<Arguments> products() {
		return Stream.of(Arguments.of("PostgreSQL", "15.8", "postgresql"),
				Arguments.of("MariaDB", "10.11.6-MariaDB-0+deb12u1", "mariadb"),
				Arguments.of("MySQL", "5.5.5-10.11.6-MariaDB", "mariadb"), Arguments.of("MySQL", "8.4.0", "mysql"),
				Arguments.of("SQLite", "3.53.0", "sqlite"), Arguments.of("Microsoft SQL Server", "16.00.4135", "sqlserver"),
				Arguments.of("H2", "2.4.240 (2025-09-22)", "h2"));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("products")
	void detectsTheDialectFromTheProductNameAndVersion(String product, String version, String expected) {
		assertThat(DialectResolver.fromProduct(product, version).name()).isEqualTo(expected);
	}

	@Test
	void rejectsAnUnsupportedProductNamingTheDialectSetting() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> DialectResolver.fromProduct("Oracle", "23ai"))
			.withMessage("Database product 'Oracle' (23ai) is not supported; supported are PostgreSQL, MySQL, MariaDB, "
					+ "SQLite, SQL Server and H2. If it speaks one of their dialects, set dialect to one of postgresql, "
					+ "mysql, mariadb, sqlite, sqlserver, h2")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("dialect"));
	}

	@Test
	void configurationRejectsAnUnknownDialectAtBuildTime() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dev.migrate.core.MigrateConfig.builder().dialect("postgre").build())
			.withMessage("Unknown dialect 'postgre'; use one of postgresql, mysql, mariadb, sqlite, sqlserver, h2")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("dialect"));
	}

	@Test
	void findsDialectsByNameAndAlias() {
		assertThat(DialectResolver.byName("PostgreSQL").name()).isEqualTo("postgresql");
		assertThat(DialectResolver.byName("postgres").name()).isEqualTo("postgresql");
		assertThat(DialectResolver.byName("mssql").name()).isEqualTo("sqlserver");
		assertThat(DialectResolver.byName(" H2 ").name()).isEqualTo("h2");
	}

	static Stream<Arguments> quoting() {
		return Stream.of(Arguments.of("postgresql", "\"we\"\"ird\""), Arguments.of("mysql", "`we\"ird`"),
				Arguments.of("mariadb", "`we\"ird`"), Arguments.of("sqlite", "\"we\"\"ird\""),
				Arguments.of("sqlserver", "[we\"ird]"), Arguments.of("h2", "\"we\"\"ird\""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("quoting")
	void quotesIdentifiersSoTheyKeepTheirCaseAndCannotBreakOut(String dialect, String expected) {
		assertThat(DialectResolver.byName(dialect).quote("we\"ird")).isEqualTo(expected);
	}

	@Test
	void escapesTheClosingQuoteOfEachStyle() {
		assertThat(DialectResolver.byName("mysql").quote("a`b")).isEqualTo("`a``b`");
		assertThat(DialectResolver.byName("sqlserver").quote("a]b")).isEqualTo("[a]]b]");
		assertThat(DialectResolver.byName("postgresql").qualify("audit", "migrate_version"))
			.isEqualTo("\"audit\".\"migrate_version\"");
	}

	@Test
	void knowsWhichEnginesHaveTransactionalDdl() {
		assertThat(Stream.of("postgresql", "mysql", "mariadb", "sqlite", "sqlserver", "h2")
			.filter((name) -> DialectResolver.byName(name).transactionalDdl())).containsExactly("postgresql", "sqlite",
					"sqlserver");
	}

	@Test
	void sqlServerCreatesTablesOnlyWhenMissing() {
		assertThat(DialectResolver.byName("sqlserver").createVersionTable("dbo", "migrate_version"))
			.isEqualTo("IF OBJECT_ID(N'[dbo].[migrate_version]', N'U') IS NULL CREATE TABLE [dbo].[migrate_version] "
					+ "([version_num] VARCHAR(32) NOT NULL, CONSTRAINT [migrate_version_pkc] PRIMARY KEY ([version_num]))");
	}

}
