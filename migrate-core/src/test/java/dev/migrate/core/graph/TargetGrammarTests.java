package dev.migrate.core.graph;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.graph.GraphFixtures.graph;
import static dev.migrate.core.graph.GraphFixtures.labelled;
import static dev.migrate.core.graph.GraphFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every form of the target grammar and every error, on a graph with realistic ids:
 * {@code 27c6a30d7c24 -> ae1027a6acf (x) -> ae10f00dbabe} and {@code 27c6a30d7c24 -> 3c1f9b2e0000 (y) -> 9b2e11110000}.
 */
class TargetGrammarTests {

	private static final RevisionGraph GRAPH = graph(rev("27c6a30d7c24"), labelled("ae1027a6acf", "x", "27c6a30d7c24"),
			rev("ae10f00dbabe", "ae1027a6acf"), labelled("3c1f9b2e0000", "y", "27c6a30d7c24"),
			rev("9b2e11110000", "3c1f9b2e0000"));

	static Stream<Arguments> resolvable() {
		return Stream.of(Arguments.of("27c6a30d7c24", "27c6a30d7c24"), Arguments.of("27c", "27c6a30d7c24"),
				Arguments.of("2", "27c6a30d7c24"), Arguments.of("ae1027", "ae1027a6acf"),
				Arguments.of("x", "ae1027a6acf"), Arguments.of("x@head", "ae10f00dbabe"),
				Arguments.of("y@head", "9b2e11110000"), Arguments.of("x@ae10f", "ae10f00dbabe"),
				Arguments.of("y@base+2", "3c1f9b2e0000"), Arguments.of("x@head-1", "ae1027a6acf"),
				Arguments.of("ae10f00dbabe-2", "27c6a30d7c24"), Arguments.of("ae10f@27c+1", "ae1027a6acf"),
				Arguments.of("y@27c+1", "3c1f9b2e0000"), Arguments.of("3c1f@heads", "9b2e11110000"),
				Arguments.of(" x@head ", "ae10f00dbabe"), Arguments.of("9b2e11110000@head", "9b2e11110000"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("resolvable")
	void resolvesEveryFormToOneRevision(String target, String expected) {
		assertThat(GRAPH.resolveOne(target).id()).isEqualTo(expected);
	}

	static Stream<Arguments> errors() {
		return Stream.of(
				Arguments.of("ae", ResolutionException.class, "Revision prefix 'ae' is ambiguous: it matches 2 "
						+ "revisions (ae1027a6acf, ae10f00dbabe); use at least four characters of the id"),
				Arguments.of("ae10", ResolutionException.class, "Revision prefix 'ae10' is ambiguous: it matches 2 "
						+ "revisions (ae1027a6acf, ae10f00dbabe); use more characters of the id"),
				Arguments.of("ffff", ResolutionException.class,
						"Revision 'ffff' does not exist in the graph; run 'migrate history' to list revisions"),
				Arguments.of("", TargetException.class, "Target is empty; use 'head', 'heads', 'base', a revision "
						+ "id, '<label>@head', or a relative target such as '+1' or 'head-1'"),
				Arguments.of("a b", TargetException.class, "Target 'a b' is not valid; use 'head', 'heads', 'base', "
						+ "a revision id or prefix, '<label>@head', '<label>@<rev>', or a relative target such as "
						+ "'+1', '-1', 'head-2' or '<rev>+1'"),
				Arguments.of("x@y@head", TargetException.class, "Target 'x@y@head' is not valid; use 'head', "
						+ "'heads', 'base', a revision id or prefix, '<label>@head', '<label>@<rev>', or a relative "
						+ "target such as '+1', '-1', 'head-2' or '<rev>+1'"),
				Arguments.of("head+0", RelativeTargetException.class, "Target 'head+0' moves 0 revisions; use 'head'"),
				Arguments.of("+0", RelativeTargetException.class,
						"Target '+0' moves 0 revisions; use a non-zero step such as '+1'"),
				Arguments.of("head", MultipleHeadsException.class, "Target 'head' matches 2 heads (9b2e11110000, "
						+ "ae10f00dbabe); use 'heads', 'y@head', or 'migrate merge heads'"),
				Arguments.of("heads", MultipleHeadsException.class, "Target 'heads' matches 2 heads (9b2e11110000, "
						+ "ae10f00dbabe); use 'heads', 'y@head', or 'migrate merge heads'"),
				Arguments.of("x@9b2e", ResolutionException.class, "Revision '9b2e' in target 'x@9b2e' is not on "
						+ "branch 'x': it is neither an ancestor nor a descendant of 'ae1027a6acf'; drop the "
						+ "qualifier or name a revision of that branch"),
				Arguments.of("x@head+1", RelativeTargetException.class,
						"Target 'x@head+1' goes 1 revision up from 'ae10f00dbabe', but 'ae10f00dbabe' is a head"),
				Arguments.of("x@head+99999999999", RelativeTargetException.class, "Target 'x@head+99999999999' goes "
						+ "2147483647 revisions up from 'ae10f00dbabe', but 'ae10f00dbabe' is a head"),
				Arguments.of("27c-2", RelativeTargetException.class,
						"Target '27c-2' goes 2 revisions down from '27c6a30d7c24', but only 1 lies below it, down to base"),
				Arguments.of("base-1", RelativeTargetException.class,
						"Target 'base-1' goes 1 revision down from base, but nothing lies below base"),
				Arguments.of("current", TargetException.class,
						"Target 'current' needs the database's current revision; name a revision instead"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errors")
	void rejectsWithTypeAndMessage(String target, Class<? extends TargetException> type, String message) {
		assertThatExceptionOfType(type).isThrownBy(() -> GRAPH.resolveOne(target)).withMessage(message);
	}

	@Test
	void listsTheCandidatesOfAnAmbiguousPrefix() {
		assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> GRAPH.resolveOne("ae"))
			.satisfies((ex) -> {
				assertThat(ex.getCandidates()).containsExactly("ae1027a6acf", "ae10f00dbabe");
				assertThat(ex.getArgument()).isEqualTo("ae");
			});
	}

	@Test
	void narrowsAPrefixToTheNamedBranch() {
		RevisionGraph graph = graph(rev("0000"), labelled("ae10aaaa", "left", "0000"),
				labelled("ae10bbbb", "right", "0000"));
		assertThat(graph.resolveOne("left@ae10").id()).isEqualTo("ae10aaaa");
		assertThat(graph.resolveOne("right@ae10").id()).isEqualTo("ae10bbbb");
		assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> graph.resolveOne("ae10"))
			.satisfies((ex) -> assertThat(ex.getCandidates()).containsExactly("ae10aaaa", "ae10bbbb"));
	}

	@Test
	void resolvesCurrentAndRelativeTargetsAgainstTheVersionRows() {
		List<Step> plan = GRAPH.plan(List.of("ae1027a6acf"), "+1", Direction.UPGRADE);
		assertThat(plan).extracting((step) -> step.revision().id()).containsExactly("ae10f00dbabe");
		assertThat(GRAPH.history("current:", List.of("ae1027a6acf"))).extracting(Revision::id)
			.containsExactly("ae10f00dbabe", "ae1027a6acf");
		assertThat(GRAPH.stampRows(List.of("ae1027a6acf", "9b2e11110000"), "x@-1")).containsExactly("9b2e11110000");
	}

	@Test
	void rejectsVersionRowsTheGraphDoesNotKnow() {
		assertThatExceptionOfType(VersionRowsException.class)
			.isThrownBy(() -> GRAPH.plan(List.of("dead", "beef"), "heads", Direction.UPGRADE))
			.withMessage("The version table holds 'beef' and 'dead', which are not revisions of the migration scripts; "
					+ "restore the missing scripts, or reset the table with 'migrate stamp --purge <target>'")
			.satisfies((ex) -> assertThat(ex.getRows()).containsExactly("beef", "dead"));
	}

	@Test
	void rejectsVersionRowsWhereOneIsAnAncestorOfAnother() {
		assertThatExceptionOfType(VersionRowsException.class)
			.isThrownBy(() -> GRAPH.plan(List.of("27c6a30d7c24", "ae1027a6acf"), "heads", Direction.UPGRADE))
			.withMessage("The version table holds both '27c6a30d7c24' and 'ae1027a6acf', but '27c6a30d7c24' is an "
					+ "ancestor of 'ae1027a6acf'; the table should hold only the current heads: fix it with "
					+ "'migrate stamp'");
	}

	@Test
	void stepsReportTheRowsTheyDeleteAndInsert() {
		RevisionGraph merge = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"));
		List<Step> up = merge.plan(List.of("b1", "b2"), "m", Direction.UPGRADE);
		assertThat(up.get(0).rowsDeleted()).containsExactly("b1", "b2");
		assertThat(up.get(0).rowsInserted()).containsExactly("m");
		List<Step> down = merge.plan(List.of("m"), "a", Direction.DOWNGRADE);
		assertThat(down.get(0).rowsDeleted()).containsExactly("m");
		assertThat(down.get(0).rowsInserted()).containsExactly("b1", "b2");
		assertThat(down.get(1).rowsDeleted()).containsExactly("b1");
		assertThat(down.get(1).rowsInserted()).isEmpty();
		assertThat(down.get(2).rowsInserted()).containsExactly("a");
	}

}
