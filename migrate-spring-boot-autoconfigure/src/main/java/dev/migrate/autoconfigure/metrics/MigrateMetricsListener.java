package dev.migrate.autoconfigure.metrics;

import java.util.concurrent.TimeUnit;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A {@link MigrationListener} recording a {@code migrate.revision} timer per applied or reverted revision
 * (tags {@code revision}, {@code direction}) and a {@code migrate.failures} counter (tags {@code command},
 * {@code revision}).
 */
public class MigrateMetricsListener implements MigrationListener {

	/** The timer's name. */
	public static final String REVISION_TIMER = "migrate.revision";

	/** The failure counter's name. */
	public static final String FAILURES_COUNTER = "migrate.failures";

	private final MeterRegistry registry;

	/**
	 * @param registry the registry to record into
	 */
	public MigrateMetricsListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void afterStep(AppliedRevision step) {
		if (step.command() == CommandKind.STAMP) {
			return;
		}
		Timer.builder(REVISION_TIMER)
			.description("Time taken to apply or revert a revision")
			.tag("revision", step.revision())
			.tag("direction", step.command().verb())
			.register(this.registry)
			.record(step.executionMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void onFailure(CommandKind command, String revision, MigrateException failure) {
		Counter.builder(FAILURES_COUNTER)
			.description("Number of failed migration steps")
			.tag("command", command.verb())
			.tag("revision", revision)
			.register(this.registry)
			.increment();
	}

}
