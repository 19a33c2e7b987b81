package dev.migrate.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stamp command core messages advise, found in each of its shapes and worded by an edge.
 */
class StampAdviceTests {

	private static final StampAdvice.Wording SHOW = (purge, target) -> "[" + purge + " " + target + "]";

	@Test
	void findsEachShapeOfTheCommand() {
		assertThat(StampAdvice.reword("finish it by hand and run 'migrate stamp ab12', or undo what ran and run "
				+ "'migrate stamp <base>'", SHOW))
			.isEqualTo("finish it by hand and run [false ab12], or undo what ran and run [false <base>]");
		assertThat(StampAdvice.reword("fix it with 'migrate stamp'", SHOW)).isEqualTo("fix it with [false null]");
		assertThat(StampAdvice.reword("run 'migrate stamp --purge <target>'", SHOW))
			.isEqualTo("run [true <target>]");
		assertThat(StampAdvice.reword("run 'migrate upgrade heads'", SHOW)).isEqualTo("run 'migrate upgrade heads'");
		assertThat(StampAdvice.reword(null, SHOW)).isNull();
	}

	@Test
	void theMavenGoalCarriesTheTargetAndPurge() {
		assertThat(StampAdvice.reword("run 'migrate stamp ab12'", StampAdvice::mavenGoal))
			.isEqualTo("run 'mvn migrate:stamp -Dmigrate.target=ab12'");
		assertThat(StampAdvice.reword("run 'migrate stamp --purge <target>'", StampAdvice::mavenGoal))
			.isEqualTo("run 'mvn migrate:stamp -Dmigrate.target=<target> -Dmigrate.purge'");
	}

}
