package dev.migrate.core.autogen;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;
import dev.migrate.core.script.StatementSplitter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model DDL files are split by the scripts' {@link StatementSplitter}: the cases the model loader relies on.
 */
class ModelDdlSplitTests {

	@Test
	void splitsOnSemicolonsOutsideStringsAndComments() {
		String ddl = "-- users; and more\ncreate table u (a varchar(5) default 'x;y'); /* ; */\n"
				+ "create table \"v;w\" (b integer);\n\n";
		assertThat(split(ddl, SqlSyntax.POSTGRESQL)).containsExactly(
				"create table u (a varchar(5) default 'x;y')", "create table \"v;w\" (b integer)");
	}

	@Test
	void reportsTheLineEachStatementStartsOn() {
		assertThat(StatementSplitter.split("-- header\n\ncreate table a (id int);\n  create table b (\n id int);",
				SqlSyntax.H2, 1))
			.extracting(SqlStatement::line)
			.containsExactly(3, 4);
	}

	@Test
	void keepsDollarQuotedBodiesWhole() {
		String ddl = "create function f() returns int as $$ begin return 1; end $$ language plpgsql; select 1";
		assertThat(split(ddl, SqlSyntax.POSTGRESQL)).hasSize(2);
	}

	@Test
	void splitsSqlServerBatchesOnGoLines() {
		assertThat(split("create table a (id int)\nGO\ncreate table b (id int)\n", SqlSyntax.SQLSERVER))
			.containsExactly("create table a (id int)", "create table b (id int)");
	}

	private static List<String> split(String ddl, SqlSyntax syntax) {
		return StatementSplitter.split(ddl, syntax, 1).stream().map(SqlStatement::sql).toList();
	}

}
