package dev.migrate.core.script;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlScriptParserTests {

	private static final String LOCATION = "db/migrations/3f2a_add.sql";

	private static final String FULL = """
			-- Add account table
			--
			-- Revision ID: 3f2a9c1b7e40
			-- Revises: 1975ea83b712
			-- Create Date: 2026-11-24 10:00:00
			-- Branch Labels: billing
			-- Depends On: 55af2cb1c267

			-- migrate:upgrade
			CREATE TABLE account (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);

			-- migrate:downgrade
			DROP TABLE account;
			""";

	@Test
	void readsEveryHeaderKeyAndBothSections() {
		SqlMigrationScript script = parse(FULL);
		assertThat(script.revision().id()).isEqualTo("3f2a9c1b7e40");
		assertThat(script.revision().revises()).containsExactly("1975ea83b712");
		assertThat(script.revision().message()).isEqualTo("Add account table");
		assertThat(script.revision().createDate()).isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 0));
		assertThat(script.revision().branchLabels()).containsExactly("billing");
		assertThat(script.revision().dependsOn()).containsExactly("55af2cb1c267");
		assertThat(script.revision().source()).isEqualTo(LOCATION);
		assertThat(script.location()).isEqualTo(LOCATION);
		assertThat(script.transactional()).isTrue();
		assertThat(script.reversible()).isTrue();
		assertThat(script.upgrade(SqlSyntax.POSTGRESQL)).containsExactly(new SqlStatement(
				"CREATE TABLE account (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)", 10));
		assertThat(script.downgrade(SqlSyntax.SQLITE)).containsExactly(new SqlStatement("DROP TABLE account", 13));
	}

	@Test
	void emptyRevisesMakesABaseAndACommaListAMergePoint() {
		assertThat(parse(header("Revises:")).revision().isBase()).isTrue();
		SqlMigrationScript merge = parse(header("Revises: aaa1, bbb2"));
		assertThat(merge.revision().revises()).containsExactly("aaa1", "bbb2");
		assertThat(merge.revision().isMergePoint()).isTrue();
	}

	@Test
	void optionalKeysMayBeLeftOutAndKeysIgnoreCase() {
		SqlMigrationScript script = parse("-- msg\n-- revision id: abc\n\n-- migrate:upgrade\nSELECT 1;\n");
		assertThat(script.revision().id()).isEqualTo("abc");
		assertThat(script.revision().revises()).isEmpty();
		assertThat(script.revision().branchLabels()).isEmpty();
		assertThat(script.revision().createDate()).isNull();
	}

	@Test
	void acceptsAlembicStyleCreateDatesWithFractions() {
		assertThat(parse(header("Create Date: 2026-11-24 10:00:00.123456")).revision().createDate())
			.isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 0, 0, 123456000));
	}

	@Test
	void readsCreateDatesOfEveryShapeTheFormatAllows() {
		assertThat(parse(header("Create Date: 2026-11-24T10:00:05")).revision().createDate())
			.isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 0, 5));
		assertThat(parse(header("Create Date: 2026-11-24 10:00:05.5")).revision().createDate())
			.isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 0, 5, 500_000_000));
		assertThat(parse(header("Create Date: 2026-11-2410:00:05")).revision().createDate())
			.isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 0, 5));
		// Out-of-range fields take the general parser's path, which keeps its own rules for them.
		assertThat(parse(header("Create Date: 2024-02-30 00:00:00")).revision().createDate())
			.isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
	}

	@Test
	void rejectsACreateDateWithAnImpossibleMonth() {
		assertError("-- m\n-- Revision ID: abc\n-- Create Date: 2026-13-01 00:00:00\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:3: 'Create Date' is '2026-13-01 00:00:00', which is not a date; use"
						+ " yyyy-MM-dd HH:mm:ss");
	}

	@Test
	void transactionalFalseTurnsTheTransactionOff() {
		assertThat(parse(header("Transactional: false")).transactional()).isFalse();
		assertThat(parse(header("Transactional: TRUE")).transactional()).isTrue();
	}

	@Test
	void freeTextInTheHeaderIsAllowed() {
		SqlMigrationScript script = parse("-- Add users\n-- this table holds people\n-- Revision ID: abc\n"
				+ "-- migrate:upgrade\nSELECT 1;\n");
		assertThat(script.revision().message()).isEqualTo("Add users");
		assertThat(script.upgrade(SqlSyntax.H2)).containsExactly(new SqlStatement("SELECT 1", 5));
	}

	@Test
	void aHeaderStartingWithAKeyHasNoMessage() {
		assertThat(parse("-- Revision ID: abc\n-- migrate:upgrade\nSELECT 1;\n").revision().message()).isEmpty();
	}

	@Test
	void leadingBlankLinesAndCommentsBeforeTheFirstSectionAreAllowed() {
		SqlMigrationScript script = parse("\n\n-- m\n-- Revision ID: abc\n\n-- a note\n\n-- migrate:upgrade\nSELECT 1;");
		assertThat(script.upgrade(SqlSyntax.MYSQL)).containsExactly(new SqlStatement("SELECT 1", 9));
	}

	@Test
	void aFileWithoutADowngradeSectionIsIrreversibleAndSaysSoNamingTheFile() {
		SqlMigrationScript script = parse("-- m\n-- Revision ID: abc\n-- migrate:upgrade\nSELECT 1;\n");
		assertThat(script.reversible()).isFalse();
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> script.downgrade(SqlSyntax.POSTGRESQL))
			.withMessage("db/migrations/3f2a_add.sql: revision 'abc' is irreversible: the file has no"
					+ " '-- migrate:downgrade' section; add one (an empty section is an explicit no-op) to allow"
					+ " downgrading past it");
	}

	@Test
	void anEmptyDowngradeSectionIsAnExplicitNoOp() {
		SqlMigrationScript script = parse("-- m\n-- Revision ID: abc\n-- migrate:upgrade\nSELECT 1;\n"
				+ "-- migrate:downgrade\n-- nothing to undo\n");
		assertThat(script.reversible()).isTrue();
		assertThat(script.downgrade(SqlSyntax.POSTGRESQL)).isEmpty();
	}

	@Test
	void engineSectionsOverrideTheUnqualifiedOneAndMariaDbFallsBackToMySql() {
		SqlMigrationScript script = parse("""
				-- m
				-- Revision ID: abc
				-- migrate:upgrade
				CREATE TABLE t (id INT);
				-- migrate:upgrade postgresql
				CREATE TABLE t (id SERIAL);
				-- migrate:upgrade mysql
				CREATE TABLE t (id INT AUTO_INCREMENT);
				-- migrate:downgrade
				DROP TABLE t;
				""");
		assertThat(script.upgrade(SqlSyntax.POSTGRESQL)).containsExactly(new SqlStatement(
				"CREATE TABLE t (id SERIAL)", 6));
		assertThat(script.upgrade(SqlSyntax.MARIADB)).containsExactly(new SqlStatement(
				"CREATE TABLE t (id INT AUTO_INCREMENT)", 8));
		assertThat(script.upgrade(SqlSyntax.SQLITE)).containsExactly(new SqlStatement("CREATE TABLE t (id INT)", 4));
		assertThat(script.downgrade(SqlSyntax.MYSQL)).containsExactly(new SqlStatement("DROP TABLE t", 10));
	}

	@Test
	void aMariaDbSectionWinsOverTheMySqlOne() {
		SqlMigrationScript script = parse("-- m\n-- Revision ID: abc\n-- migrate:upgrade mysql\nSELECT 1;\n"
				+ "-- migrate:upgrade mariadb\nSELECT 2;\n");
		assertThat(script.upgrade(SqlSyntax.MARIADB)).containsExactly(new SqlStatement("SELECT 2", 6));
		assertThat(script.upgrade(SqlSyntax.MYSQL)).containsExactly(new SqlStatement("SELECT 1", 4));
	}

	@Test
	void anEngineWithoutAnApplicableSectionIsNamed() {
		SqlMigrationScript script = parse("-- m\n-- Revision ID: abc\n-- migrate:upgrade postgresql\nSELECT 1;\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> script.upgrade(SqlSyntax.SQLITE))
			.withMessage("db/migrations/3f2a_add.sql: no upgrade section for sqlite (the file has postgresql);"
					+ " add '-- migrate:upgrade' or '-- migrate:upgrade sqlite'");
	}

	@Test
	void rejectsAnUnknownHeaderKeyListingTheKnownOnes() {
		assertError("-- m\n--\n-- Revision ID: abc\n-- Revisez: def\n-- migrate:upgrade\nSELECT 1;",
				"db/migrations/3f2a_add.sql:4: unknown header key 'Revisez'; expected one of Revision ID, Revises,"
						+ " Create Date, Branch Labels, Depends On, Transactional, Placeholders, Repeatable");
	}

	@Test
	void rejectsAMissingRevisionId() {
		assertError("-- m\n-- Revises: abc\n\n-- migrate:upgrade\nSELECT 1;",
				"db/migrations/3f2a_add.sql:1: the header has no 'Revision ID'; add '-- Revision ID: <id>' to the"
						+ " comment block at the top of the file (the header ends at the first line that is not a"
						+ " '--' comment)");
	}

	@Test
	void rejectsHeaderKeysSeparatedFromTheHeaderByABlankLine() {
		assertError("-- m\n-- Revision ID: abc\n\n-- Revises: def\n-- migrate:upgrade\nSELECT 1;",
				"db/migrations/3f2a_add.sql:4: header key 'Revises' is outside the header, which ended at line 3;"
						+ " remove the blank or non-comment line above it");
	}

	@Test
	void rejectsTextBeforeTheHeader() {
		assertError("\nCREATE TABLE t (id INT);\n-- m\n-- Revision ID: abc\n",
				"db/migrations/3f2a_add.sql:2: expected the header before any SQL ('-- <message>', then"
						+ " '-- Revision ID: <id>'), found 'CREATE TABLE t (id INT);'. Name files that are not"
						+ " migrations with a leading '_'");
	}

	@Test
	void rejectsAnEmptyFile() {
		assertError("\n  \n", "db/migrations/3f2a_add.sql:1: the file is empty; a migration starts with its header"
				+ " ('-- <message>', then '-- Revision ID: <id>'). Name files that are not migrations with a leading"
				+ " '_'");
	}

	@Test
	void rejectsSqlBetweenTheHeaderAndTheFirstSection() {
		assertError("-- m\n-- Revision ID: abc\nDROP TABLE x;\n-- migrate:upgrade\nSELECT 1;",
				"db/migrations/3f2a_add.sql:3: SQL before the first section, found 'DROP TABLE x;'; put it under"
						+ " '-- migrate:upgrade'");
	}

	@Test
	void rejectsAFileWithoutAnUpgradeSection() {
		assertError("-- m\n-- Revision ID: abc\n\n-- migrate:downgrade\nSELECT 1;",
				"db/migrations/3f2a_add.sql:3: no '-- migrate:upgrade' section; add one after the header");
	}

	@Test
	void rejectsTwoUpgradeSectionsForTheSameEngine() {
		assertError("-- m\n-- Revision ID: abc\n-- migrate:upgrade sqlite\nSELECT 1;\n-- migrate:upgrade sqlite\n",
				"db/migrations/3f2a_add.sql:5: a second '-- migrate:upgrade sqlite' section (the first is on line 3);"
						+ " merge them into one");
	}

	@Test
	void rejectsTwoUnqualifiedDowngradeSections() {
		assertError("-- m\n-- Revision ID: abc\n-- migrate:upgrade\n-- migrate:downgrade\n-- migrate:downgrade\n",
				"db/migrations/3f2a_add.sql:5: a second '-- migrate:downgrade' section (the first is on line 4);"
						+ " merge them into one");
	}

	@Test
	void rejectsAnUnknownEngineInASection() {
		assertError("-- m\n-- Revision ID: abc\n-- migrate:upgrade postgres\n",
				"db/migrations/3f2a_add.sql:3: unknown engine 'postgres' in '-- migrate:upgrade postgres'; expected"
						+ " one of postgresql, mysql, mariadb, sqlite, sqlserver, h2");
	}

	@Test
	void rejectsAnUnknownDirective() {
		assertError("-- m\n-- Revision ID: abc\n-- migrate:sideways\n",
				"db/migrations/3f2a_add.sql:3: unknown directive '-- migrate:sideways'; expected"
						+ " '-- migrate:upgrade [engine]', '-- migrate:downgrade [engine]' or '-- migrate:lint-ignore CODE"
						+ " reason'");
	}

	@Test
	void keepsLintCommentsInTheSectionAndRecordsWhereTheyStand() {
		SqlMigrationScript script = SqlScriptParser.parse("db/migrations/3f2a_add.sql",
				("-- m\n-- Revision ID: abc\n-- migrate:lint-ignore ALL01 contract step\n-- migrate:upgrade\n"
						+ "CREATE TABLE a (id int);\n-- migrate:lint-ignore ALL02 unused since 4.2\nDROP TABLE b;\n")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(script.lintComments()).containsExactly(new LintComment(3, "ALL01 contract step", true),
				new LintComment(6, "ALL02 unused since 4.2", false));
		assertThat(script.upgrade(SqlSyntax.POSTGRESQL)).containsExactly(new SqlStatement("CREATE TABLE a (id int)", 5),
				new SqlStatement("DROP TABLE b", 7));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-- MIGRATE:DOWNGRADE", "-- Migrate:downgrade", "-- migrate downgrade",
			"-- migrate :downgrade", "--migrate: downgrade", "  -- migrate:Downgrade", "-- migrate:downgrad" })
	void aSectionMarkerThatDiffersInCaseOrSpacingIsAnErrorNamingTheSpelling(String marker) {
		assertError("-- m\n-- Revision ID: abc\n-- migrate:upgrade\nCREATE TABLE t (id INT);\n" + marker
				+ "\nDROP TABLE t;\n", "db/migrations/3f2a_add.sql:5: '" + marker.trim() + "' is not a section"
						+ " marker; write '-- migrate:downgrade' (lower case, no space around the colon), or reword"
						+ " the comment if it is not meant as one");
	}

	@Test
	void aNearMissMarkerRightAfterTheHeaderKeepsItsEngine() {
		assertError("-- m\n-- Revision ID: abc\n-- Migrate:Upgrade postgresql\nSELECT 1;\n",
				"db/migrations/3f2a_add.sql:3: '-- Migrate:Upgrade postgresql' is not a section marker; write"
						+ " '-- migrate:upgrade postgresql' (lower case, no space around the colon), or reword the"
						+ " comment if it is not meant as one");
	}

	@Test
	void commentsThatMerelyMentionMigratingStayComments() {
		SqlMigrationScript script = parse("-- m\n-- Revision ID: abc\n-- migrate:upgrade\n-- migrates the users\n"
				+ "-- migrate the rows later\nSELECT 1;\n-- migrate:downgrade\n");
		assertThat(script.upgrade(SqlSyntax.H2)).containsExactly(new SqlStatement("SELECT 1", 6));
		assertThat(script.reversible()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Revises 1975ea83b712|Revises", "Depends_On: 55af|Depends On",
			"Transactional = false|Transactional", "Branch-Labels: billing|Branch Labels",
			"RevisionID: abc|Revision ID", "Create-Date: 2026-01-01 10:00:00|Create Date" })
	void aHeaderKeyNearMissIsAnErrorNamingTheKey(String line, String key) {
		assertError("-- m\n-- Revision ID: abc\n-- " + line + "\n-- migrate:upgrade\nSELECT 1;\n",
				"db/migrations/3f2a_add.sql:3: '" + line + "' looks like the header key '" + key
						+ "' but is not written as one; write '-- " + key + ": <value>'");
	}

	@Test
	void proseThatStartsWithAKeyWordStaysFreeText() {
		assertThat(parse("-- Revises the billing tables\n-- Revision ID: abc\n-- migrate:upgrade\nSELECT 1;\n")
			.revision()
			.message()).isEqualTo("Revises the billing tables");
	}

	@Test
	void aBlankLineInsideTheHeaderIsNamedRatherThanAMissingRevisionId() {
		assertError("-- m\n\n-- Revision ID: abc\n-- migrate:upgrade\nSELECT 1;\n",
				"db/migrations/3f2a_add.sql:3: header key 'Revision ID' is outside the header, which ended at line 2;"
						+ " remove the blank or non-comment line above it");
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "head", "heads", "current" })
	void rejectsARevisionIdThatIsATargetKeyword(String id) {
		assertError("-- m\n-- Revision ID: " + id + "\n-- migrate:upgrade\nSELECT 1;\n",
				"db/migrations/3f2a_add.sql:2: revision id '" + id + "' is a target keyword (head, heads, base,"
						+ " current), which no target could name; choose another id");
	}

	@Test
	void rejectsADuplicateHeaderKey() {
		assertError("-- m\n-- Revision ID: abc\n-- Revises: a\n-- Revises: b\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:4: duplicate header key 'Revises' (first on line 3); keep one");
	}

	@Test
	void rejectsAnInvalidRevisionId() {
		assertError("-- m\n-- Revision ID: ae10+1\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:2: revision id 'ae10+1' is not valid; use 1 to 32 letters, digits or"
						+ " underscores (no '@', '-', '+', ':' or spaces)");
	}

	@Test
	void rejectsAnInvalidIdInRevises() {
		assertError("-- m\n-- Revision ID: abc\n-- Revises: a b\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:3: 'Revises' names 'a b', which is not a revision id; list ids separated"
						+ " by commas");
	}

	@Test
	void rejectsARevisionThatRevisesItself() {
		assertError("-- m\n-- Revision ID: abc\n-- Revises: abc\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:3: revision 'abc' revises itself; fix its 'Revises:' header");
	}

	@Test
	void rejectsAnInvalidBranchLabel() {
		assertError("-- m\n-- Revision ID: abc\n-- Branch Labels: bill-ing\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:3: branch label 'bill-ing' is not valid; use letters, digits or"
						+ " underscores");
	}

	@Test
	void rejectsAnInvalidCreateDate() {
		assertError("-- m\n-- Revision ID: abc\n-- Create Date: yesterday\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:3: 'Create Date' is 'yesterday', which is not a date; use"
						+ " yyyy-MM-dd HH:mm:ss");
	}

	@Test
	void placeholdersFalseTurnsReplacementOffForTheFile() {
		assertThat(parse(header("Placeholders: false")).placeholders()).isFalse();
		assertThat(parse(header("Transactional: false")).placeholders()).isTrue();
		assertError("-- m\n-- Revision ID: abc\n-- Placeholders: off\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:3: 'Placeholders' is 'off'; use 'true' or 'false'");
	}

	@Test
	void rejectsATransactionalValueOtherThanTrueOrFalse() {
		assertError("-- m\n-- Revision ID: abc\n-- Transactional: no\n-- migrate:upgrade\n",
				"db/migrations/3f2a_add.sql:3: 'Transactional' is 'no'; use 'true' or 'false'");
	}

	@Test
	void reportsAnUnterminatedStringWithTheLineItStartsOn() {
		SqlMigrationScript script = parse("-- m\n-- Revision ID: abc\n-- migrate:upgrade\nSELECT 1;\n"
				+ "INSERT INTO t VALUES ('oops);\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> script.upgrade(SqlSyntax.POSTGRESQL))
			.withMessage("db/migrations/3f2a_add.sql:5: string starting here is not closed; add the closing '")
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(5));
	}

	@Test
	void stripsAByteOrderMarkAndNormalizesLineEndingsForTheChecksum() {
		String unix = FULL;
		String windows = FULL.replace("\n", "\r\n");
		byte[] withBom = ("\uFEFF" + windows).getBytes(StandardCharsets.UTF_8);
		SqlMigrationScript a = SqlScriptParser.parse(LOCATION, unix.getBytes(StandardCharsets.UTF_8));
		SqlMigrationScript b = SqlScriptParser.parse(LOCATION, withBom);
		assertThat(a.checksum()).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(b.checksum());
		assertThat(b.upgrade(SqlSyntax.POSTGRESQL).get(0).line()).isEqualTo(10);
		assertThat(Checksum.of(unix)).isEqualTo(a.checksum());
	}

	@Test
	void anyEditIncludingTheHeaderChangesTheChecksum() {
		String checksum = parse(FULL).checksum();
		assertThat(parse(FULL.replace("Add account table", "Add accounts table")).checksum()).isNotEqualTo(checksum);
		assertThat(parse(FULL.replace("DROP TABLE account;", "DROP TABLE account; ")).checksum())
			.isNotEqualTo(checksum);
	}

	@Test
	void readsUtf8Text() {
		SqlMigrationScript script = parse("-- Kunden hinzufügen\n-- Revision ID: abc\n-- migrate:upgrade\n"
				+ "INSERT INTO t VALUES ('Größe ✓');\n");
		assertThat(script.revision().message()).isEqualTo("Kunden hinzufügen");
		assertThat(script.upgrade(SqlSyntax.H2)).containsExactly(new SqlStatement("INSERT INTO t VALUES ('Größe ✓')",
				4));
	}

	@Test
	void rejectsBytesThatAreNotUtf8NamingTheLine() {
		byte[] latin1 = "-- m\n-- Revision ID: abc\n-- migrate:upgrade\nSELECT 'Gr\u00f6\u00dfe';\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> SqlScriptParser.parse(LOCATION, latin1))
			.withMessage("db/migrations/3f2a_add.sql:4: the file is not valid UTF-8 (byte 55 cannot be decoded); save"
					+ " it as UTF-8");
	}

	@Test
	void rejectsUtf16Files() {
		byte[] utf16 = "-- m\n".getBytes(StandardCharsets.UTF_16);
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> SqlScriptParser.parse(LOCATION, utf16))
			.withMessage("db/migrations/3f2a_add.sql: the file is UTF-16 (it starts with a UTF-16 byte order mark);"
					+ " save it as UTF-8");
	}

	@Test
	void knowsEveryHeaderKey() {
		assertThat(SqlScriptParser.KEYS).isEqualTo(List.of("Revision ID", "Revises", "Create Date", "Branch Labels",
				"Depends On", "Transactional", "Placeholders", "Repeatable"));
	}

	private static String header(String extraKeyLine) {
		return "-- m\n-- Revision ID: abc\n-- " + extraKeyLine + "\n\n-- migrate:upgrade\nSELECT 1;\n";
	}

	private static SqlMigrationScript parse(String content) {
		return SqlScriptParser.parse(LOCATION, content.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertError(String content, String message) {
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> parse(content)).withMessage(message);
	}

}
