package dev.migrate.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.ProgressLine;

/**
 * Prints one line per revision as it completes ({@link ProgressLine}).
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
		this.out.println(ProgressLine.of(step, this.revisions.get().get(step.revision())));
		this.out.flush();
	}

}
