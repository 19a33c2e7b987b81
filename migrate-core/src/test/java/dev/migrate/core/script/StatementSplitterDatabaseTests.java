package dev.migrate.core.script;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each engine's trickiest syntax through the splitter and then through the engine itself, statement by
 * statement over JDBC, so that the split is the one the engine accepts.
 */
class StatementSplitterDatabaseTests {

	private static final String POSTGRESQL = """
			/* accounts /* with a nested comment; */ and an audit trail */
			CREATE TABLE account (id INT PRIMARY KEY, name TEXT NOT NULL);
			CREATE TABLE account_audit (op CHAR(1), at TIMESTAMPTZ, id INT, name TEXT);
			""" + StatementSplitterTests.PLPGSQL_FUNCTION + """

			INSERT INTO account VALUES (1, E'O\\'Brien; Ann'), (2, 'Bob');
			DO $$
			BEGIN
			    UPDATE account SET name = name || '; checked' WHERE id = 2;
			END
			$$;
			CREATE FUNCTION twice(x INT) RETURNS INT LANGUAGE sql
			BEGIN ATOMIC
			    SELECT x * 2;
			END;
			DELETE FROM account WHERE id = twice(1) - 1;
			""";

	private static final String MYSQL = """
			CREATE TABLE account (id INT PRIMARY KEY, b DECIMAL(10,2), note VARCHAR(100));
			# a MySQL comment; with a semicolon
			INSERT INTO account VALUES (1, 100.00, 'it\\'s; fine'), (2, 0.00, "double; quoted");
			CREATE TRIGGER account_note BEFORE UPDATE ON account FOR EACH ROW
			BEGIN
			    IF NEW.b < 0 THEN
			        SET NEW.note = 'negative; flagged';
			    END IF;
			    SET NEW.note = CASE WHEN NEW.b > 50 THEN 'rich' ELSE NEW.note END;
			END;
			DELIMITER //
			CREATE PROCEDURE transfer(IN from_id INT, IN to_id INT, IN amount DECIMAL(10,2))
			BEGIN
			    DECLARE balance DECIMAL(10,2);
			    SELECT b INTO balance FROM account WHERE id = from_id;
			    IF balance < amount THEN
			        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'insufficient funds; aborting';
			    END IF;
			    UPDATE account SET b = b - amount WHERE id = from_id;
			    UPDATE account SET b = b + amount WHERE id = to_id;
			END //
			DELIMITER ;
			CALL transfer(1, 2, 60.00);
			""";

	private static final String SQLITE = """
			CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT, [a;b] TEXT, changes INTEGER DEFAULT 0);
			CREATE TRIGGER account_changes AFTER UPDATE ON account
			BEGIN
			    UPDATE account SET changes = changes + 1 WHERE id = NEW.id AND NEW.name <> OLD.name;
			    SELECT CASE WHEN NEW.name = 'x;y' THEN RAISE(ABORT, 'no; way') END;
			END;
			INSERT INTO account (id, name, `a;b`) VALUES (1, 'Ann', 'semi;colon');
			UPDATE account SET name = 'Ann; again' WHERE id = 1;
			""";

	private static final String H2 = """
			CREATE TABLE account (id INT PRIMARY KEY, name VARCHAR(100), "a;b" VARCHAR(10));
			/* a comment; with a semicolon */
			INSERT INTO account VALUES (1, $$dollar; quoted$$, 'x'), (2, 'it''s; two', 'y');
			""";

	@EachEngine({ dev.migrate.testsupport.Engine.POSTGRESQL })
	void postgresqlRunsTheSplitFunctionTriggerAndDoBlock(TestDatabase db) throws SQLException {
		run(db, SqlSyntax.POSTGRESQL, POSTGRESQL, 8);
		assertThat(query(db, "SELECT op || ':' || name FROM account_audit ORDER BY op DESC")).containsExactly(
				"U:Bob; checked", "D:O'Brien; Ann");
	}

	@EachEngine({ dev.migrate.testsupport.Engine.MARIADB, dev.migrate.testsupport.Engine.MYSQL })
	void mysqlRunsTheSplitTriggerAndDelimitedProcedure(TestDatabase db) throws SQLException {
		run(db, SqlSyntax.MYSQL, MYSQL, 5);
		assertThat(query(db, "SELECT CONCAT(id, ':', b, ':', note) FROM account ORDER BY id")).containsExactly(
				"1:40.00:it's; fine", "2:60.00:rich");
	}

	@EachEngine({ dev.migrate.testsupport.Engine.SQLITE })
	void sqliteRunsTheSplitTrigger(TestDatabase db) throws SQLException {
		run(db, SqlSyntax.SQLITE, SQLITE, 4);
		assertThat(query(db, "SELECT name || ':' || changes || ':' || \"a;b\" FROM account")).containsExactly(
				"Ann; again:1:semi;colon");
	}

	@EachEngine({ dev.migrate.testsupport.Engine.H2 })
	void h2RunsTheSplitDollarQuotedInsert(TestDatabase db) throws SQLException {
		run(db, SqlSyntax.H2, H2, 2);
		assertThat(query(db, "SELECT name FROM account ORDER BY id")).containsExactly("dollar; quoted", "it's; two");
	}

	private static void run(TestDatabase db, SqlSyntax syntax, String script, int expectedStatements)
			throws SQLException {
		List<SqlStatement> statements = StatementSplitter.split(script, syntax, 1);
		assertThat(statements).hasSize(expectedStatements);
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			for (SqlStatement sql : statements) {
				try {
					statement.execute(sql.sql());
				}
				catch (SQLException ex) {
					throw new SQLException("line " + sql.line() + ": " + ex.getMessage(), ex);
				}
			}
		}
	}

	private static List<String> query(TestDatabase db, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
