package dev.migrate.core.script;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ${name}} replacement in one statement: configured and built-in names, the {@code \${} escape, and the
 * file:line errors.
 */
class PlaceholdersTests {

	private final Placeholders placeholders = Placeholders.of(Map.of("owner", "app_owner", "env.name", "prod"), true,
			"app", "deployer", "postgresql");

	static Stream<Arguments> replacements() {
		return Stream.of(Arguments.of("GRANT SELECT ON t TO ${owner}", "GRANT SELECT ON t TO app_owner"),
				Arguments.of("SELECT '${env.name}', '${owner}${owner}'", "SELECT 'prod', 'app_ownerapp_owner'"),
				Arguments.of("CREATE TABLE ${migrate:schema}.t (id INT)", "CREATE TABLE app.t (id INT)"),
				Arguments.of("SELECT '${migrate:user}', '${migrate:engine}', '${migrate:revision}'",
						"SELECT 'deployer', 'postgresql', 'ae10'"),
				Arguments.of("SELECT '\\${owner}' AS literal", "SELECT '${owner}' AS literal"),
				Arguments.of("SELECT '$1', '{x}', '$$', 'cost: $5'", "SELECT '$1', '{x}', '$$', 'cost: $5'"),
				Arguments.of("SELECT 1", "SELECT 1"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replacements")
	void replacesEveryPlaceholderAndKeepsTheRest(String sql, String expected) {
		assertThat(this.placeholders.replace(sql, "db/migrations/ae10_x.sql", 7, "ae10")).isEqualTo(expected);
	}

	@Test
	void anUnknownPlaceholderNamesTheFileAndLineAndTheKnownNames() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> this.placeholders.replace("CREATE TABLE t (\n  id INT,\n  owner TEXT DEFAULT '${ownr}'\n)",
					"db/migrations/ae10_x.sql", 7, "ae10"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(9))
			.withMessage("db/migrations/ae10_x.sql:9: unknown placeholder '${ownr}'; the known ones are env.name,"
					+ " migrate:engine, migrate:revision, migrate:schema, migrate:user, owner; give it a value in"
					+ " placeholders, write '\\${' for a literal '${', or put '-- Placeholders: false' in the header");
	}

	@Test
	void anUnclosedPlaceholderIsAnError() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> this.placeholders.replace("SELECT '${owner'\nFROM t", "a.sql", 3, "ae10"))
			.withMessage("a.sql:3: placeholder '${owner'' is not closed on its line; close it with '}', or write"
					+ " '\\${' for a literal '${'");
	}

	@Test
	void offlineTheSchemaIsKnownOnlyWhenConfigured() {
		Placeholders offline = Placeholders.of(Map.of(), true, null, null, "h2");
		assertThat(offline.replace("SELECT '${migrate:engine}'", "a.sql", 1, "ae10")).isEqualTo("SELECT 'h2'");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> offline.replace("CREATE TABLE ${migrate:schema}.t (id INT)", "a.sql", 4, "ae10"))
			.withMessageStartingWith("a.sql:4: placeholder '${migrate:schema}' has no value here: offline SQL knows"
					+ " the schema only when schema is set");
	}

	@Test
	void switchedOffNothingIsReplacedNorChecked() {
		Placeholders off = Placeholders.of(Map.of("owner", "x"), false, "app", "u", "h2");
		assertThat(off.enabled()).isFalse();
		assertThat(off.replace("SELECT '${owner}', '${unknown}', '\\${'", "a.sql", 1, "ae10"))
			.isEqualTo("SELECT '${owner}', '${unknown}', '\\${'");
	}

}
