package dev.migrate.core.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.SqlSyntax;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the linter reads revisions: along the graph, per section, with suppression comments and configured
 * severities.
 */
class LinterTests {

	private static final String SETUP = "CREATE TABLE t (id int PRIMARY KEY, name varchar(50));";

	@TempDir
	Path dir;

	@Test
	void aSuppressionWithoutAReasonSuppressesNothingAndIsReported() {
		LintReport report = lint(SqlSyntax.POSTGRESQL, LintOptions.defaults(), SETUP,
				"-- migrate:lint-ignore PG01\nCREATE INDEX t_name ON t (name);");
		assertThat(report.findings()).extracting(LintFinding::code, LintFinding::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("LINT01", 6),
					org.assertj.core.groups.Tuple.tuple("PG01", 7));
		assertThat(report.findings().get(0).message())
			.isEqualTo("'-- migrate:lint-ignore PG01' gives no reason, so it suppresses nothing");
		assertThat(report.suppressed()).isZero();
	}

	@Test
	void aSuppressionNamingAnUnknownCodeIsReported() {
		LintReport report = lint(SqlSyntax.POSTGRESQL, LintOptions.defaults(), SETUP,
				"-- migrate:lint-ignore PG99,PG01 small table\nCREATE INDEX t_name ON t (name);");
		assertThat(report.findings()).extracting(LintFinding::code).containsExactly("LINT01");
		assertThat(report.findings().get(0).message()).isEqualTo("'-- migrate:lint-ignore' names 'PG99', which is no"
				+ " rule's code; codes are listed in docs/safe-migrations.md");
		assertThat(report.suppressed()).isEqualTo(1);
	}

	@Test
	void aSuppressionBeforeTheFirstSectionMarksTheWholeRevision() {
		LintReport report = lint(SqlSyntax.POSTGRESQL, LintOptions.defaults(), SETUP,
				"-- migrate:lint-ignore ALL01,ALL02 contract step: release 4.2 stopped using them\n"
						+ "-- migrate:upgrade\nALTER TABLE t DROP COLUMN name;\nDROP TABLE t;\n");
		assertThat(report.findings()).isEmpty();
		assertThat(report.suppressed()).isEqualTo(2);
	}

	@Test
	void aSuppressionCoversOnlyTheStatementAfterIt() {
		LintReport report = lint(SqlSyntax.POSTGRESQL, LintOptions.defaults(), SETUP,
				"-- migrate:lint-ignore ALL02 unused since 4.2\nALTER TABLE t DROP COLUMN name;\n"
						+ "ALTER TABLE t DROP COLUMN id;");
		assertThat(report.findings()).extracting(LintFinding::code, LintFinding::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ALL02", 8));
	}

	@Test
	void aFindingNamesTheLineOfItsClause() {
		LintReport report = lint(SqlSyntax.POSTGRESQL, LintOptions.defaults(), SETUP,
				"ALTER TABLE t\n  ADD COLUMN a int,\n  ADD COLUMN b int NOT NULL;");
		LintFinding finding = report.findings().get(0);
		assertThat(finding.code()).isEqualTo("PG04");
		assertThat(finding.line()).isEqualTo(8);
		assertThat(finding.message()).isEqualTo("PostgreSQL fails the statement with 'column \"b\" of relation \"t\""
				+ " contains null values' as soon as t has a row");
		assertThat(finding.statement()).isEqualTo("ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int NOT NULL");
	}

	@Test
	void columnTypesComeFromEarlierRevisions() {
		LintReport report = lint(SqlSyntax.POSTGRESQL, LintOptions.defaults(), SETUP,
				"ALTER TABLE t ALTER COLUMN name TYPE varchar(80);", "ALTER TABLE t ALTER COLUMN name TYPE varchar(30);");
		assertThat(report.findings()).extracting(LintFinding::revision, LintFinding::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("r3", "PG06"),
					org.assertj.core.groups.Tuple.tuple("r3", "ALL05"));
		assertThat(report.findings().get(1).message()).startsWith("narrows t.name from varchar(80) to varchar(30)");
	}

	@Test
	void severitiesAreConfigurablePerRule() {
		LintOptions options = LintOptions.defaults()
			.withSeverity(LintRule.ALL01, Severity.ERROR)
			.withSeverity(LintRule.PG01, Severity.OFF);
		LintReport report = lint(SqlSyntax.POSTGRESQL, options, SETUP, "CREATE INDEX t_name ON t (name);\nDROP TABLE t;");
		assertThat(report.findings()).extracting(LintFinding::code, LintFinding::severity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ALL01", Severity.ERROR));
		assertThat(report.hasErrors()).isTrue();
	}

	@Test
	void downgradesAreReadOnlyWhenAsked() {
		String revision = "-- migrate:upgrade\nCREATE INDEX CONCURRENTLY t_name ON t (name);\n"
				+ "-- migrate:downgrade\nDROP INDEX t_name;\n";
		assertThat(lint(SqlSyntax.POSTGRESQL, LintOptions.defaults(), SETUP, "!" + revision).findings()).isEmpty();
		assertThat(lint(SqlSyntax.POSTGRESQL, LintOptions.defaults().withDowngrades(true), SETUP, "!" + revision)
			.findings()).extracting(LintFinding::code, LintFinding::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("PG02", 9));
	}

	@Test
	void aRangeReportsOnlyItsRevisionsButReadsTheEarlierOnes() {
		LintFixture.write(this.dir, SETUP, "DROP TABLE t;", "CREATE TABLE u (id int);\nALTER TABLE u DROP COLUMN id;");
		LintReport report = lintRange(SqlSyntax.POSTGRESQL, "r3");
		assertThat(report.revisions()).isEqualTo(1);
		assertThat(report.findings()).isEmpty();
	}

	@Test
	void aRevisionWithoutASectionForTheEngineIsSkipped() {
		LintReport report = lint(SqlSyntax.MYSQL, LintOptions.defaults(), SETUP,
				"-- migrate:upgrade postgresql\nDROP TABLE t;\n");
		assertThat(report.skipped()).containsExactly("r2");
		assertThat(report.findings()).isEmpty();
	}

	@Test
	void repeatableScriptsAreReadLastOnTheSchemaEveryRevisionBuilt() throws IOException {
		LintFixture.write(this.dir, SETUP, "ALTER TABLE t ADD COLUMN email varchar(100);");
		Files.writeString(this.dir.resolve("R_t_by_email.sql"), """
				-- index the view reads through
				-- Repeatable: t_by_email

				-- migrate:upgrade
				CREATE INDEX t_email ON t (email);
				-- migrate:lint-ignore PG01 t holds a few hundred rows
				CREATE INDEX t_name ON t (name);
				""");
		LintReport report = lintRange(SqlSyntax.POSTGRESQL, "r1", "r2");
		assertThat(report.revisions()).isEqualTo(2);
		assertThat(report.repeatables()).isEqualTo(1);
		assertThat(report.findings()).extracting(LintFinding::code, LintFinding::revision, LintFinding::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("PG01", "t_by_email", 5));
		assertThat(report.findings().get(0).location()).endsWith("R_t_by_email.sql");
		assertThat(report.suppressed()).isEqualTo(1);
	}

	@Test
	void aFindingInARepeatableScriptIsWordedForARepeatableScript() throws IOException {
		LintFixture.write(this.dir, SETUP);
		Files.writeString(this.dir.resolve("R_t_lock.sql"), """
				-- Repeatable: t_lock

				-- migrate:upgrade
				CREATE INDEX CONCURRENTLY t_name ON t (name);
				LOCK TABLE t;
				""");
		LintReport report = lintRange(SqlSyntax.POSTGRESQL, "r1");
		assertThat(report.findings()).extracting(LintFinding::code).containsExactly("PG03", "PG12");
		assertThat(report.findings().get(0).message()).endsWith("and this script runs in one: it fails every time");
		assertThat(report.findings().get(0).fix()).isEqualTo(
				"add 'Transactional: false' to the script's header and keep the concurrent statement alone in it");
		assertThat(report.findings().get(1).message()).startsWith("PostgreSQL holds the lock until the script commits");
	}

	@Test
	void repeatableScriptsAreReadOnlyWhenTheRangeReachesAHead() throws IOException {
		LintFixture.write(this.dir, SETUP, "ALTER TABLE t ADD COLUMN email varchar(100);");
		Files.writeString(this.dir.resolve("R_t_by_email.sql"),
				"-- Repeatable: t_by_email\n\n-- migrate:upgrade\nCREATE INDEX t_email ON t (email);\n");
		LintReport report = lintRange(SqlSyntax.POSTGRESQL, "r1");
		assertThat(report.repeatables()).isZero();
		assertThat(report.findings()).isEmpty();
	}

	@Test
	void aRepeatableScriptWithoutASectionForTheEngineIsListedAsNotRead() throws IOException {
		LintFixture.write(this.dir, SETUP);
		Files.writeString(this.dir.resolve("R_pg_only.sql"),
				"-- Repeatable: pg_only\n\n-- migrate:upgrade postgresql\nCREATE INDEX t_name ON t (name);\n");
		LintReport report = lintRange(SqlSyntax.MYSQL, "r1");
		assertThat(report.repeatables()).isZero();
		assertThat(report.skipped()).containsExactly("pg_only");
	}

	private LintReport lintRange(SqlSyntax engine, String... range) {
		ScriptDirectory directory = ScriptDirectory.load(List.of("filesystem:" + this.dir),
				getClass().getClassLoader(), List.of(), true);
		return Linter.lint(directory, RevisionGraph.of(directory.revisions()), List.of(range), engine,
				LintOptions.defaults());
	}

	private LintReport lint(SqlSyntax engine, LintOptions options, String... bodies) {
		return LintFixture.lint(this.dir, engine, options, bodies);
	}

}
