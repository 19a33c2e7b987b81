package dev.migrate.maven;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.maven.plugin.logging.Log;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.ProgressLine;

/**
 * Logs one line per revision as it completes ({@link ProgressLine}), at INFO.
 */
final class ProgressLog implements MigrationListener {

	private final Log log;

	private final Supplier<Map<String, RevisionInfo>> revisions;

	ProgressLog(Log log, Supplier<Map<String, RevisionInfo>> revisions) {
		this.log = log;
		this.revisions = revisions;
	}

	@Override
	public void afterStep(AppliedRevision step) {
		if (!"stamp".equals(step.direction())) {
			this.log.info(ProgressLine.of(step, this.revisions.get().get(step.revision())));
		}
	}

}
