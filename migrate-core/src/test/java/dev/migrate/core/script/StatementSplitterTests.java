package dev.migrate.core.script;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migrate.core.script.SqlSyntax.H2;
import static dev.migrate.core.script.SqlSyntax.MARIADB;
import static dev.migrate.core.script.SqlSyntax.MYSQL;
import static dev.migrate.core.script.SqlSyntax.POSTGRESQL;
import static dev.migrate.core.script.SqlSyntax.SQLITE;
import static dev.migrate.core.script.SqlSyntax.SQLSERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StatementSplitterTests {

	/**
	 * A PL/pgSQL trigger function and its trigger (no trailing newline); {@link StatementSplitterDatabaseTests} runs
	 * the same text on PostgreSQL, so the split asserted here is one the engine accepts.
	 */
	static final String PLPGSQL_FUNCTION = """
			CREATE OR REPLACE FUNCTION audit_account() RETURNS trigger AS $audit$
			DECLARE
			    note text := 'changed; see $$ and '' quotes';
			BEGIN
			    IF (TG_OP = 'DELETE') THEN
			        INSERT INTO account_audit SELECT 'D', now(), OLD.*;
			        RETURN OLD;
			    ELSIF (TG_OP = 'UPDATE') THEN
			        INSERT INTO account_audit SELECT 'U', now(), NEW.*;
			        RETURN NEW;
			    END IF;
			    RETURN NULL; -- result is ignored; this is an AFTER trigger
			END;
			$audit$ LANGUAGE plpgsql;
			CREATE TRIGGER account_audit AFTER INSERT OR UPDATE OR DELETE ON account
			    FOR EACH ROW EXECUTE FUNCTION audit_account();""";

	private static final String MYSQL_PROCEDURE = """
			DROP PROCEDURE IF EXISTS transfer;
			DELIMITER //
			CREATE DEFINER=`root`@`localhost` PROCEDURE transfer(IN from_id INT, IN to_id INT, IN amount DECIMAL(10,2))
			BEGIN
			    DECLARE balance DECIMAL(10,2);
			    SELECT b INTO balance FROM account WHERE id = from_id FOR UPDATE;
			    IF balance < amount THEN
			        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'insufficient funds; aborting';
			    END IF;
			    UPDATE account SET b = b - amount WHERE id = from_id;
			    UPDATE account SET b = b + amount WHERE id = to_id;
			END //
			DELIMITER ;
			CALL transfer(1, 2, 10.00);""";

	static Stream<Arguments> cases() {
		return Stream.of(
				// Everywhere
				row("two statements on two lines", H2, "SELECT 1;\nSELECT 2;", 1, "SELECT 1", 2, "SELECT 2"),
				row("last statement without a semicolon", SQLITE, "SELECT 1;\n\nSELECT 2\n", 1, "SELECT 1", 3,
						"SELECT 2"),
				row("blank input", POSTGRESQL, "  \n\n\t"),
				row("pg_dump's psql guard lines are skipped", POSTGRESQL,
						"\\restrict abc123\nSET x = 1;\nSELECT '\\restrict';\n\\unrestrict abc123\n", 2, "SET x = 1", 3,
						"SELECT '\\restrict'"),
				row("only comments", MYSQL, "-- one\n/* two */\n"),
				row("empty statements between semicolons", H2, ";;SELECT 1;;", 1, "SELECT 1"),
				row("leading comments are skipped, inner ones kept", POSTGRESQL,
						"-- create it\n/* really */\nCREATE TABLE t (\n  id INT -- the key; really\n);", 3,
						"CREATE TABLE t (\n  id INT -- the key; really\n)"),
				row("statement spanning lines starts at its first token", H2, "\n\n  SELECT\n  1;", 3, "SELECT\n  1"),
				row("semicolon in a single-quoted string", SQLITE, "INSERT INTO t VALUES ('a;b');SELECT 2;", 1,
						"INSERT INTO t VALUES ('a;b')", 1, "SELECT 2"),
				row("doubled single quotes", H2, "SELECT 'it''s; fine';", 1, "SELECT 'it''s; fine'"),
				row("semicolon in a double-quoted identifier", POSTGRESQL, "CREATE TABLE \"a;b\" (x INT);", 1,
						"CREATE TABLE \"a;b\" (x INT)"),
				row("multi-line string keeps line numbers", SQLITE, "INSERT INTO t VALUES ('a\nb\nc');\nSELECT 1;", 1,
						"INSERT INTO t VALUES ('a\nb\nc')", 4, "SELECT 1"),
				row("semicolon in a block comment", H2, "SELECT /* ; */ 1;", 1, "SELECT /* ; */ 1"),
				row("semicolon in a line comment", POSTGRESQL, "SELECT 1 -- no; split\n;", 1,
						"SELECT 1 -- no; split"),
				row("CRLF line ends", SQLSERVER, "SELECT 1;\r\nSELECT 2;\r\n", 1, "SELECT 1", 2, "SELECT 2"),
				row("first line offset", POSTGRESQL, "SELECT 1;\nSELECT 2;", 41, "SELECT 1", 42, "SELECT 2"),
				// PostgreSQL
				row("postgresql nested block comments", POSTGRESQL, "/* a /* b; */ c; */ SELECT 1;", 1, "SELECT 1"),
				row("postgresql $$ body", POSTGRESQL,
						"CREATE FUNCTION one() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nSELECT one();", 1,
						"CREATE FUNCTION one() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", 2, "SELECT one()"),
				row("postgresql tagged dollar quotes nest $$", POSTGRESQL,
						"SELECT $fn$ a; $$ b; $$ $fn$;SELECT 2;", 1, "SELECT $fn$ a; $$ b; $$ $fn$", 1, "SELECT 2"),
				row("postgresql DO block", POSTGRESQL,
						"DO $$\nBEGIN\n  RAISE NOTICE 'hi; there';\nEND\n$$;\nSELECT 1;", 1,
						"DO $$\nBEGIN\n  RAISE NOTICE 'hi; there';\nEND\n$$", 6, "SELECT 1"),
				row("postgresql DO with LANGUAGE and tag", POSTGRESQL,
						"DO LANGUAGE plpgsql $body$ BEGIN PERFORM 1; END $body$;", 1,
						"DO LANGUAGE plpgsql $body$ BEGIN PERFORM 1; END $body$"),
				row("postgresql positional parameters are not dollar quotes", POSTGRESQL,
						"PREPARE p AS SELECT $1, $2;EXECUTE p(1, 2);", 1, "PREPARE p AS SELECT $1, $2", 1,
						"EXECUTE p(1, 2)"),
				row("postgresql dollar in identifiers", POSTGRESQL, "SELECT a$b$ FROM t;SELECT 2;", 1,
						"SELECT a$b$ FROM t", 1, "SELECT 2"),
				row("postgresql E string with escaped quote", POSTGRESQL, "SELECT E'it\\'s; ok';SELECT 2;", 1,
						"SELECT E'it\\'s; ok'", 1, "SELECT 2"),
				row("postgresql backslash is literal in standard strings", POSTGRESQL, "SELECT 'C:\\';SELECT 2;", 1,
						"SELECT 'C:\\'", 1, "SELECT 2"),
				row("postgresql BEGIN ATOMIC body", POSTGRESQL,
						"CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\n"
								+ "SELECT f();",
						1, "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND", 6,
						"SELECT f()"),
				row("postgresql rule with several actions in parentheses", POSTGRESQL,
						"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));",
						1, "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))"),
				row("postgresql transaction BEGIN is a statement", POSTGRESQL, "BEGIN;\nSELECT 1;\nCOMMIT;", 1, "BEGIN",
						2, "SELECT 1", 3, "COMMIT"),
				row("postgresql real-world PL/pgSQL trigger function", POSTGRESQL, PLPGSQL_FUNCTION, 1,
						PLPGSQL_FUNCTION.substring(0, PLPGSQL_FUNCTION.indexOf("LANGUAGE plpgsql;") + 16), 15,
						"CREATE TRIGGER account_audit AFTER INSERT OR UPDATE OR DELETE ON account\n"
								+ "    FOR EACH ROW EXECUTE FUNCTION audit_account()"),
				row("postgresql dollars inside a string are text", POSTGRESQL, "SELECT '$$';SELECT 2;", 1, "SELECT '$$'", 1,
						"SELECT 2"),
				// MySQL and MariaDB
				row("mysql hash comments", MYSQL, "# a; comment\nSELECT 1; # trailing; one\nSELECT 2;", 2, "SELECT 1", 3,
						"SELECT 2"),
				row("mysql -- needs a space to be a comment", MYSQL, "SELECT 5--1;\nSELECT 2;", 1, "SELECT 5--1", 2,
						"SELECT 2"),
				row("mysql backslash escapes in strings", MYSQL, "SELECT 'it\\'s; ok', \"a\\\";b\";SELECT 2;", 1,
						"SELECT 'it\\'s; ok', \"a\\\";b\"", 1, "SELECT 2"),
				row("mysql backtick identifiers", MARIADB, "CREATE TABLE `a;b` (`c``;` INT);SELECT 2;", 1,
						"CREATE TABLE `a;b` (`c``;` INT)", 1, "SELECT 2"),
				row("mysql executable comments are statements", MYSQL,
						"/*!40101 SET NAMES utf8mb4 */;\nSELECT 1;", 1, "/*!40101 SET NAMES utf8mb4 */", 2, "SELECT 1"),
				row("mysql DELIMITER $$ and back", MARIADB,
						"DELIMITER $$\nCREATE FUNCTION f() RETURNS INT BEGIN RETURN 1; END$$\nDELIMITER ;\nSELECT f();", 2,
						"CREATE FUNCTION f() RETURNS INT BEGIN RETURN 1; END", 4, "SELECT f()"),
				row("mysql trigger body without DELIMITER", MYSQL,
						"CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  IF NEW.a < 0 THEN\n"
								+ "    SET NEW.a = 0;\n  END IF;\n  SET NEW.b = CASE WHEN NEW.a > 9 THEN 1 ELSE 0 END;\nEND;\n"
								+ "INSERT INTO t VALUES (1, 2);",
						1,
						"CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  IF NEW.a < 0 THEN\n"
								+ "    SET NEW.a = 0;\n  END IF;\n  SET NEW.b = CASE WHEN NEW.a > 9 THEN 1 ELSE 0 END;\nEND",
						8, "INSERT INTO t VALUES (1, 2)"),
				row("mysql procedure with loops and labels", MARIADB,
						"CREATE PROCEDURE p()\nlbl: BEGIN\n  WHILE 1 DO LEAVE lbl; END WHILE;\n  LOOP LEAVE lbl; END LOOP;\n"
								+ "  REPEAT SELECT 1; UNTIL 1 END REPEAT;\nEND lbl;\nSELECT 3;",
						1,
						"CREATE PROCEDURE p()\nlbl: BEGIN\n  WHILE 1 DO LEAVE lbl; END WHILE;\n  LOOP LEAVE lbl; END LOOP;\n"
								+ "  REPEAT SELECT 1; UNTIL 1 END REPEAT;\nEND lbl",
						7, "SELECT 3"),
				row("mysql CASE statement in a procedure", MYSQL,
						"CREATE PROCEDURE p(x INT) BEGIN CASE x WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE; END;SELECT 9;",
						1, "CREATE PROCEDURE p(x INT) BEGIN CASE x WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE; END", 1,
						"SELECT 9"),
				row("mysql table named event is not a routine", MYSQL,
						"CREATE TABLE event (id INT);BEGIN;SELECT 1;COMMIT;", 1, "CREATE TABLE event (id INT)", 1,
						"BEGIN", 1, "SELECT 1", 1, "COMMIT"),
				row("mysql real-world procedure with DELIMITER //", MYSQL, MYSQL_PROCEDURE, 1,
						"DROP PROCEDURE IF EXISTS transfer", 3,
						MYSQL_PROCEDURE.substring(MYSQL_PROCEDURE.indexOf("CREATE"), MYSQL_PROCEDURE.indexOf("END //") + 3),
						14, "CALL transfer(1, 2, 10.00)"),
				row("mysqldump DELIMITER ;; with executable comments", MYSQL,
						"DELIMITER ;;\n/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END */;;\n"
								+ "DELIMITER ;\nSELECT 1;",
						2, "/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END */",
						4, "SELECT 1"),
				// SQLite
				row("sqlite trigger body", SQLITE,
						"CREATE TRIGGER t_ai AFTER INSERT ON t\nBEGIN\n  UPDATE t SET n = n + 1;\n  DELETE FROM log;\nEND;\n"
								+ "SELECT 1;",
						1, "CREATE TRIGGER t_ai AFTER INSERT ON t\nBEGIN\n  UPDATE t SET n = n + 1;\n  DELETE FROM log;\nEND",
						6, "SELECT 1"),
				row("sqlite temp trigger if not exists with CASE", SQLITE,
						"CREATE TEMP TRIGGER IF NOT EXISTS x AFTER UPDATE ON t BEGIN SELECT CASE WHEN 1 THEN 2 END; END;",
						1, "CREATE TEMP TRIGGER IF NOT EXISTS x AFTER UPDATE ON t BEGIN SELECT CASE WHEN 1 THEN 2 END; END"),
				row("sqlite BEGIN TRANSACTION is a statement", SQLITE, "BEGIN TRANSACTION;\nSELECT 1;\nEND;", 1,
						"BEGIN TRANSACTION", 2, "SELECT 1", 3, "END"),
				row("sqlite bracket identifiers", SQLITE, "CREATE TABLE [a;b] (x INT);", 1,
						"CREATE TABLE [a;b] (x INT)"),
				row("sqlite CASE expression outside a trigger", SQLITE, "SELECT CASE WHEN 1 THEN 'a;' END;SELECT 2;", 1,
						"SELECT CASE WHEN 1 THEN 'a;' END", 1, "SELECT 2"),
				// SQL Server
				row("sqlserver GO separates batches", SQLSERVER, "SELECT 1\nGO\nSELECT 2\ngo\n", 1, "SELECT 1", 3,
						"SELECT 2"),
				row("sqlserver procedure runs to GO", SQLSERVER,
						"CREATE PROCEDURE p AS\n  SELECT 1;\n  SELECT 2;\nGO\nEXEC p;", 1,
						"CREATE PROCEDURE p AS\n  SELECT 1;\n  SELECT 2;", 5, "EXEC p"),
				row("sqlserver CREATE OR ALTER trigger", SQLSERVER,
						"CREATE OR ALTER TRIGGER tr ON t AFTER INSERT AS BEGIN SET NOCOUNT ON; UPDATE t SET a = 1; END\nGO",
						1, "CREATE OR ALTER TRIGGER tr ON t AFTER INSERT AS BEGIN SET NOCOUNT ON; UPDATE t SET a = 1; END"),
				row("sqlserver GO with a count repeats the batch", SQLSERVER, "INSERT INTO t DEFAULT VALUES\nGO 3\n", 1,
						"INSERT INTO t DEFAULT VALUES", 1, "INSERT INTO t DEFAULT VALUES", 1,
						"INSERT INTO t DEFAULT VALUES"),
				row("sqlserver GO inside a string is text", SQLSERVER, "SELECT 'a\nGO\nb';", 1, "SELECT 'a\nGO\nb'"),
				row("sqlserver GO as part of a line is not a separator", SQLSERVER, "SELECT 1 AS go;\nSELECT 2;", 1,
						"SELECT 1 AS go", 2, "SELECT 2"),
				row("sqlserver BEGIN TRY block", SQLSERVER,
						"BEGIN TRY\n  INSERT INTO t VALUES (1);\nEND TRY\nBEGIN CATCH\n  SELECT 1;\nEND CATCH;", 1,
						"BEGIN TRY\n  INSERT INTO t VALUES (1);\nEND TRY\nBEGIN CATCH\n  SELECT 1;\nEND CATCH"),
				row("sqlserver BEGIN TRAN is a statement", SQLSERVER, "BEGIN TRAN;\nUPDATE t SET a = 1;\nCOMMIT;", 1,
						"BEGIN TRAN", 2, "UPDATE t SET a = 1", 3, "COMMIT"),
				row("sqlserver brackets and N strings", SQLSERVER, "SELECT [a;b], N'c;d' FROM [t];", 1,
						"SELECT [a;b], N'c;d' FROM [t]"),
				row("sqlserver nested block comments", SQLSERVER, "/* x /* y; */ z; */SELECT 1;", 1, "SELECT 1"),
				// H2
				row("h2 $$ source", H2, "CREATE ALIAS one AS $$ int one() { return 1; } $$;\nCALL one();", 1,
						"CREATE ALIAS one AS $$ int one() { return 1; } $$", 2, "CALL one()"),
				row("h2 block comments do not nest", H2, "/* a /* b */ SELECT 1;", 1, "SELECT 1"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void splitsIntoStatementsWithStartingLines(String name, SqlSyntax syntax, String sql, List<SqlStatement> expected) {
		assertThat(StatementSplitter.split(sql, syntax, expected.isEmpty() ? 1 : firstLine(name))).isEqualTo(expected);
	}

	@Test
	void hasAtLeastFortyCasesCoveringEveryEngine() {
		List<Arguments> all = cases().toList();
		assertThat(all).hasSizeGreaterThanOrEqualTo(40);
		assertThat(all.stream().map((row) -> row.get()[1]).distinct()).containsExactlyInAnyOrder(
				(Object[]) SqlSyntax.values());
	}

	@Test
	void copyFromStdinCarriesItsDataRows() {
		String sql = "COPY account (id, name) FROM stdin;\n1\tann; x\n2\tbob\n\\.\nSELECT 1;";
		assertThat(StatementSplitter.split(sql, POSTGRESQL, 1)).containsExactly(
				new SqlStatement("COPY account (id, name) FROM stdin", 1, "1\tann; x\n2\tbob\n"),
				new SqlStatement("SELECT 1", 5));
	}

	@Test
	void copyFromAFileIsAPlainStatement() {
		assertThat(StatementSplitter.split("COPY t FROM '/tmp/x.csv';\nSELECT 1;", POSTGRESQL, 1)).containsExactly(
				new SqlStatement("COPY t FROM '/tmp/x.csv'", 1), new SqlStatement("SELECT 1", 2));
	}

	@Test
	void rejectsAPsqlMetaCommandOtherThanPgDumpsGuard() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> StatementSplitter.split("SELECT 1;\n\\connect other\nSELECT 2;", POSTGRESQL, 1))
			.withMessage("line 2: '\\connect' is a psql meta-command, which only psql runs; remove it (or turn it"
					+ " into SQL) to run the file through migrate");
	}

	@Test
	void rejectsCopyDataWithoutTheTerminatingLine() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> StatementSplitter.split("SELECT 1;\nCOPY t FROM stdin;\n1\n2\n", POSTGRESQL, 1))
			.withMessage("line 2: COPY ... FROM stdin data is not terminated; end it with a line holding only '\\.'");
	}

	@Test
	void rejectsAnUnterminatedDollarQuoteNamingItsLine() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> StatementSplitter.split("SELECT 1;\n\nDO $body$ BEGIN END;", POSTGRESQL, 10))
			.withMessage("line 12: dollar-quoted string $body$ starting here is not closed; add the closing $body$");
	}

	@Test
	void rejectsAnUnterminatedBlockComment() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> StatementSplitter.split("SELECT 1;\n/* open", SQLITE, 1))
			.withMessage("line 2: block comment is not closed; add '*/'");
	}

	@Test
	void rejectsAnUnterminatedQuotedIdentifier() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> StatementSplitter.split("SELECT `a;", MYSQL, 1))
			.withMessage("line 1: quoted identifier starting here is not closed; add the closing `");
	}

	@Test
	void rejectsADelimiterCommandWithoutADelimiter() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> StatementSplitter.split("SELECT 1;\nDELIMITER\n", MYSQL, 1))
			.withMessage("line 2: DELIMITER needs the new delimiter on the same line, e.g. 'DELIMITER //'");
	}

	private static int firstLine(String name) {
		return name.equals("first line offset") ? 41 : 1;
	}

	private static Arguments row(String name, SqlSyntax syntax, String sql, Object... lineAndSql) {
		List<SqlStatement> expected = new ArrayList<>();
		for (int i = 0; i < lineAndSql.length; i += 2) {
			expected.add(new SqlStatement((String) lineAndSql[i + 1], (Integer) lineAndSql[i]));
		}
		return Arguments.of(name, syntax, sql, expected);
	}

}
