package dev.migrate.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.RevisionInfo;

/**
 * Prints one line per revision as it completes, in Alembic's words:
 * {@code Running upgrade 1975ea83b712 -> 3f2a9c1b7e40, add account (18 ms)}.
 */
final class ProgressPrinter implements MigrationListener {

	private final PrintWriter out;

	private final Supplier<Map<String, RevisionInfo>> revisions;

	/**
	 * @param out where to print
	 * @param revisions every revision by id, read when the first step completes
	 */
	ProgressPrinter(PrintWriter out, Supplier<Map<String, RevisionInfo>> revisions) {
		this.out = out;
		this.revisions = revisions;
	}

	@Override
	public void afterStep(AppliedRevision step) {
		if ("stamp".equals(step.direction())) {
			return;
		}
		this.out.println(line(step, this.revisions.get().get(step.revision())));
		this.out.flush();
	}

	/**
	 * @param step the step
	 * @param revision its revision, or {@code null} when unknown
	 * @return the progress line
	 */
	static String line(AppliedRevision step, RevisionInfo revision) {
		String down = (revision != null) ? RevisionFormat.down(revision) : "?";
		String arrow = "downgrade".equals(step.direction()) ? step.revision() + " -> " + down
				: down + " -> " + step.revision();
		return "Running " + step.direction() + " " + arrow + ", " + step.message() + " (" + step.executionMillis()
				+ " ms)";
	}

}
