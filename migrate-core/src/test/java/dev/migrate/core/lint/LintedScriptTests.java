package dev.migrate.core.lint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules' advice, reworded for repeatable scripts.
 */
class LintedScriptTests {

	@Test
	void noFixTellsARepeatableScriptToUseARevision() {
		for (LintRule rule : LintRule.values()) {
			assertThat(LintedScript.REPEATABLE.words(rule.fix())).as(rule.code()).doesNotContainPattern(
					"(\\ba|\\bthe|\\bthis|'Transactional: false') revision\\b");
		}
	}

	@Test
	void eachNounIsReworded() {
		assertThat(LintedScript.REPEATABLE.words("CREATE INDEX CONCURRENTLY, alone in a revision with"
				+ " 'Transactional: false'")).isEqualTo("CREATE INDEX CONCURRENTLY, alone in a repeatable script with"
						+ " 'Transactional: false'");
		assertThat(LintedScript.REPEATABLE.words("each batch its own transaction (a 'Transactional: false' revision,"
				+ " or a Java migration)")).isEqualTo("each batch its own transaction (a 'Transactional: false'"
						+ " repeatable script, or a Java migration)");
		assertThat(LintedScript.REPEATABLE.words("leaves the revision half applied"))
			.isEqualTo("leaves the script half applied");
	}

	@Test
	void revisionsThatAreNotTheScriptKeepTheirWord() {
		assertThat(LintedScript.REPEATABLE.words("no revision created the column, so its current type is unknown"))
			.isEqualTo("no revision created the column, so its current type is unknown");
		assertThat(LintedScript.REVISION.words("alone in a revision")).isEqualTo("alone in a revision");
	}

}
