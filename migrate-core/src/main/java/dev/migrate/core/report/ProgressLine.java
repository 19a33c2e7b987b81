package dev.migrate.core.report;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.RevisionInfo;

/**
 * The line printed as each revision completes, in Alembic's words:
 * {@code Running upgrade 1975ea83b712 -> 3f2a9c1b7e40, add account (18 ms)}.
 */
public final class ProgressLine {

	private ProgressLine() {
	}

	/**
	 * @param step the step that completed
	 * @param revision its revision, or {@code null} when unknown
	 * @return the progress line
	 */
	public static String of(AppliedRevision step, RevisionInfo revision) {
		String down = (revision != null) ? RevisionFormat.down(revision) : "?";
		String arrow = "downgrade".equals(step.direction()) ? step.revision() + " -> " + down
				: down + " -> " + step.revision();
		return "Running " + step.direction() + " " + arrow + ", " + step.message() + " (" + step.executionMillis()
				+ " ms)";
	}

	/**
	 * A listener that hands the line of each completed upgrade or downgrade step (not stamps) to {@code out}.
	 * @param out what prints a line
	 * @param revisions every revision by id, asked for when a step completes
	 * @return the listener
	 */
	public static MigrationListener printer(Consumer<String> out, Supplier<Map<String, RevisionInfo>> revisions) {
		return new MigrationListener() {

			@Override
			public void afterStep(AppliedRevision step) {
				if (!"stamp".equals(step.direction())) {
					out.accept(of(step, revisions.get().get(step.revision())));
				}
			}

		};
	}

}
