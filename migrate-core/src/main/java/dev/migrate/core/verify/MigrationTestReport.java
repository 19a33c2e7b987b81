package dev.migrate.core.verify;

import java.util.List;

/**
 * What {@link MigrationTests} found: the heads, one entry per revision in upgrade order, and the model check.
 *
 * @param engine the engine the tests ran on ({@code sqlite}, {@code postgresql}, ...)
 * @param heads the graph's heads
 * @param headsProblem why the heads are not the expected ones, or {@code null} when they are
 * @param revisions the stairway, one entry per revision in upgrade order
 * @param model the model the schema at heads was compared with, or {@code null} when none was given
 * @param modelDifferences how the schema at heads differs from the model (what it lacks is
 * {@link SchemaDifference.Kind#MISSING}), with the SQL a new revision would need
 * @param modelSkipped why the model was not compared (the stairway did not reach the heads), or {@code null}
 */
public record MigrationTestReport(String engine, List<String> heads, String headsProblem,
		List<RevisionCheck> revisions, String model, List<SchemaDifference> modelDifferences, String modelSkipped) {

	public MigrationTestReport {
		heads = List.copyOf(heads);
		revisions = List.copyOf(revisions);
		modelDifferences = List.copyOf(modelDifferences);
	}

	/**
	 * @return whether every check passed (an irreversible revision does not fail them)
	 */
	public boolean passed() {
		return this.headsProblem == null && failures().isEmpty() && this.modelDifferences.isEmpty()
				&& this.modelSkipped == null;
	}

	/**
	 * @return the revisions whose check failed, in upgrade order
	 */
	public List<RevisionCheck> failures() {
		return this.revisions.stream().filter((check) -> check.outcome().isFailure()).toList();
	}

	/**
	 * The report as a person reads it: one line per revision, then the details of each failure with the SQL
	 * that would fix it.
	 * @return the text, lines ending with {@code \n}
	 */
	public String text() {
		return ReportText.of(this);
	}

}
