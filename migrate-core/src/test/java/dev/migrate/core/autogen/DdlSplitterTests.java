package dev.migrate.core.autogen;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DdlSplitterTests {

	@Test
	void splitsOnSemicolonsOutsideStringsAndComments() {
		String ddl = "-- users; and more\ncreate table u (a varchar(5) default 'x;y'); /* ; */\n"
				+ "create table \"v;w\" (b integer);\n\n";
		assertThat(DdlSplitter.split(ddl, "postgresql")).containsExactly(
				"create table u (a varchar(5) default 'x;y')", "create table \"v;w\" (b integer)");
	}

	@Test
	void reportsTheLineEachStatementStartsOn() {
		assertThat(DdlSplitter.statements("-- header\n\ncreate table a (id int);\n  create table b (\n id int);", "h2"))
			.extracting(DdlSplitter.Statement::line)
			.containsExactly(3, 4);
	}

	@Test
	void keepsDollarQuotedBodiesWhole() {
		String ddl = "create function f() returns int as $$ begin return 1; end $$ language plpgsql; select 1";
		assertThat(DdlSplitter.split(ddl, "postgresql")).hasSize(2);
	}

	@Test
	void splitsSqlServerBatchesOnGoLines() {
		assertThat(DdlSplitter.split("create table a (id int)\nGO\ncreate table b (id int)\n", "sqlserver"))
			.containsExactly("create table a (id int)", "create table b (id int)");
	}

}
