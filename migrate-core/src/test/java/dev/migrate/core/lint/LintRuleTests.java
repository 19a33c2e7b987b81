package dev.migrate.core.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrate.core.script.SqlSyntax;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule on every engine it concerns: a bad statement is reported (at its line), a good one is not, and the
 * bad one preceded by {@code -- migrate:lint-ignore CODE reason} is suppressed. An earlier revision creates the
 * table, so it is an existing one.
 */
class LintRuleTests {

	private static final String SETUP = "CREATE TABLE t (id int PRIMARY KEY, name varchar(50), qty int, note text);\n"
			+ "CREATE INDEX t_name ON t (name);";

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0} on {1}: {2}")
	@MethodSource("cases")
	void reportsTheBadExampleOnly(LintRule rule, SqlSyntax engine, String bad, String good) {
		LintReport badReport = LintFixture.lint(this.dir, engine, LintOptions.defaults(), SETUP, bad);
		assertThat(codesOf(badReport, "r2")).as("bad: %s", bad).contains(rule.code());
		LintFinding finding = badReport.findings().stream().filter((f) -> f.rule() == rule).findFirst().orElseThrow();
		assertThat(finding.location()).endsWith("r2.sql");
		assertThat(finding.line()).isGreaterThanOrEqualTo(firstStatementLine(bad));
		assertThat(finding.severity()).isEqualTo(rule.defaultSeverity());
		assertThat(finding.message()).isNotBlank();
		assertThat(finding.fix()).isEqualTo(rule.fix());
		LintReport goodReport = LintFixture.lint(this.dir, engine, LintOptions.defaults(), SETUP, good);
		assertThat(codesOf(goodReport, "r2")).as("good: %s", good).doesNotContain(rule.code());
	}

	@ParameterizedTest(name = "{0} on {1}: {2}")
	@MethodSource("cases")
	void aCommentWithAReasonSuppressesTheFinding(LintRule rule, SqlSyntax engine, String bad, String good) {
		boolean transactional = !bad.startsWith("!");
		String body = transactional ? bad : bad.substring(1);
		String suppressed = (transactional ? "" : "!") + "-- migrate:lint-ignore " + rule.code()
				+ " reviewed: the table is small\n" + body;
		LintReport report = LintFixture.lint(this.dir, engine, LintOptions.defaults(), SETUP, suppressed);
		assertThat(codesOf(report, "r2")).doesNotContain(rule.code());
		assertThat(report.suppressed()).isPositive();
	}

	static Stream<Object[]> cases() {
		List<Object[]> cases = new ArrayList<>();
		SqlSyntax pg = SqlSyntax.POSTGRESQL;
		add(cases, LintRule.PG01, pg, "CREATE INDEX t_qty ON t (qty);", "!CREATE INDEX CONCURRENTLY t_qty ON t (qty);");
		add(cases, LintRule.PG01, pg, "CREATE UNIQUE INDEX IF NOT EXISTS t_qty ON public.t USING btree (qty);",
				"CREATE TABLE u (id int);\nCREATE INDEX u_id ON u (id);");
		add(cases, LintRule.PG02, pg, "DROP INDEX t_name;", "!DROP INDEX CONCURRENTLY t_name;");
		add(cases, LintRule.PG03, pg, "CREATE INDEX CONCURRENTLY t_qty ON t (qty);",
				"!CREATE INDEX CONCURRENTLY t_qty ON t (qty);");
		add(cases, LintRule.PG03, pg, "DROP INDEX CONCURRENTLY t_name;", "!DROP INDEX CONCURRENTLY t_name;");
		add(cases, LintRule.PG04, pg, "ALTER TABLE t ADD COLUMN flag boolean NOT NULL;",
				"ALTER TABLE t ADD COLUMN flag boolean NOT NULL DEFAULT false;");
		add(cases, LintRule.PG05, pg, "ALTER TABLE t ADD COLUMN token uuid DEFAULT gen_random_uuid();",
				"ALTER TABLE t ADD COLUMN created timestamptz DEFAULT now();");
		add(cases, LintRule.PG05, pg, "ALTER TABLE t ADD COLUMN seq bigserial;", "ALTER TABLE t ADD COLUMN seq bigint;");
		add(cases, LintRule.PG06, pg, "ALTER TABLE t ALTER COLUMN qty TYPE bigint;",
				"ALTER TABLE t ALTER COLUMN name TYPE varchar(100);");
		add(cases, LintRule.PG07, pg, "ALTER TABLE t ALTER COLUMN name SET NOT NULL;",
				"ALTER TABLE t ADD CONSTRAINT t_name_nn CHECK (name IS NOT NULL) NOT VALID;\n"
						+ "ALTER TABLE t VALIDATE CONSTRAINT t_name_nn;\nALTER TABLE t ALTER COLUMN name SET NOT NULL;");
		add(cases, LintRule.PG08, pg, "ALTER TABLE t ADD CONSTRAINT t_qty_pos CHECK (qty > 0);",
				"ALTER TABLE t ADD CONSTRAINT t_qty_pos CHECK (qty > 0) NOT VALID;");
		add(cases, LintRule.PG08, pg, "ALTER TABLE t ADD CONSTRAINT t_qty_fk FOREIGN KEY (qty) REFERENCES t (id);",
				"ALTER TABLE t ADD CONSTRAINT t_qty_fk FOREIGN KEY (qty) REFERENCES t (id) NOT VALID;");
		add(cases, LintRule.PG09, pg, "ALTER TABLE t ADD CONSTRAINT t_name_key UNIQUE (name);",
				"ALTER TABLE t ADD CONSTRAINT t_name_key UNIQUE USING INDEX t_name;");
		add(cases, LintRule.PG10, pg, "VACUUM FULL t;", "VACUUM t;");
		add(cases, LintRule.PG10, pg, "CLUSTER t USING t_name;", "ANALYZE t;");
		add(cases, LintRule.PG11, pg, "REINDEX TABLE t;", "!REINDEX TABLE CONCURRENTLY t;");
		add(cases, LintRule.PG12, pg, "LOCK TABLE t IN ACCESS EXCLUSIVE MODE;", "SELECT count(*) FROM t;");
		for (SqlSyntax my : List.of(SqlSyntax.MYSQL, SqlSyntax.MARIADB)) {
			add(cases, LintRule.MY01, my, "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;",
					"ALTER TABLE t ADD INDEX t_qty (qty), ALGORITHM=INPLACE, LOCK=NONE;");
			add(cases, LintRule.MY01, my, "ALTER TABLE t ADD FULLTEXT INDEX t_note (note);",
					"ALTER TABLE t ADD INDEX t_note (note(20));");
			add(cases, LintRule.MY01, my, "ALTER TABLE t ADD COLUMN n int, ALGORITHM=COPY;",
					"ALTER TABLE t ADD COLUMN n int, ALGORITHM=INSTANT;");
			add(cases, LintRule.MY02, my, "ALTER TABLE t ADD COLUMN flag tinyint AFTER id;",
					"ALTER TABLE t ADD COLUMN flag tinyint;");
			add(cases, LintRule.MY03, my, "ALTER TABLE t MODIFY qty bigint;", "ALTER TABLE t MODIFY name varchar(60);");
			add(cases, LintRule.MY03, my, "ALTER TABLE t CHANGE COLUMN name name text;",
					"ALTER TABLE t CHANGE COLUMN qty qty int(11) NOT NULL;");
			add(cases, LintRule.MY04, my, "OPTIMIZE TABLE t;", "ANALYZE TABLE t;");
		}
		for (SqlSyntax engine : SqlSyntax.values()) {
			add(cases, LintRule.ALL01, engine, "DROP TABLE t;", "CREATE TABLE scratch (id int);\nDROP TABLE scratch;");
			add(cases, LintRule.ALL02, engine, "ALTER TABLE t DROP COLUMN note;",
					"CREATE TABLE u (id int, x int);\nALTER TABLE u DROP COLUMN x;");
			add(cases, LintRule.ALL03, engine, "TRUNCATE TABLE t;", "CREATE TABLE u (id int);\nTRUNCATE TABLE u;");
			add(cases, LintRule.ALL04, engine, "ALTER TABLE t RENAME COLUMN note TO remark;",
					"ALTER TABLE t ADD remark text;");
			add(cases, LintRule.ALL04, engine, "ALTER TABLE t RENAME TO things;",
					"CREATE TABLE u (id int);\nALTER TABLE u RENAME TO v;");
			add(cases, LintRule.ALL05, engine, narrow(engine, "varchar(20)"), narrow(engine, "varchar(60)"));
			add(cases, LintRule.ALL06, engine, "UPDATE t SET qty = 0;", "UPDATE t SET qty = 0 WHERE id < 1000;");
			add(cases, LintRule.ALL06, engine, "DELETE FROM t;", "DELETE FROM t WHERE qty IS NULL;");
			boolean transactionalDdl = engine == SqlSyntax.POSTGRESQL || engine == SqlSyntax.SQLITE
					|| engine == SqlSyntax.SQLSERVER;
			String mixed = "UPDATE t SET qty = 1 WHERE id > 0;\nALTER TABLE t ADD flag int;";
			add(cases, LintRule.ALL07, engine, transactionalDdl ? "!" + mixed : mixed,
					transactionalDdl ? mixed : "UPDATE t SET qty = 1 WHERE id > 0;");
		}
		add(cases, LintRule.ALL04, SqlSyntax.MYSQL, "RENAME TABLE t TO things;", "CREATE TABLE scratch (id int);\nRENAME TABLE scratch TO s;");
		add(cases, LintRule.ALL04, SqlSyntax.SQLSERVER, "EXEC sp_rename 'dbo.t', 'things';",
				"EXEC sp_helptext 't';");
		return cases.stream();
	}

	private static String narrow(SqlSyntax engine, String type) {
		return switch (engine) {
			case MYSQL, MARIADB -> "ALTER TABLE t MODIFY name " + type + ";";
			case SQLSERVER -> "ALTER TABLE t ALTER COLUMN name " + type + ";";
			case POSTGRESQL, H2, SQLITE -> "ALTER TABLE t ALTER COLUMN name SET DATA TYPE " + type + ";";
		};
	}

	private static void add(List<Object[]> cases, LintRule rule, SqlSyntax engine, String bad, String good) {
		cases.add(new Object[] { rule, engine, bad, good });
	}

	private static List<String> codesOf(LintReport report, String revision) {
		return report.findings().stream().filter((f) -> f.revision().equals(revision)).map(LintFinding::code).toList();
	}

	/** The header is three or four lines, a blank line and the section line. */
	private static int firstStatementLine(String body) {
		return body.startsWith("!") ? 7 : 6;
	}

}
