package dev.migrate.autoconfigure.metrics;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateMetricsListener}.
 */
class MigrateMetricsListenerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MigrateMetricsListener listener = new MigrateMetricsListener(this.registry);

	@Test
	void timesEachAppliedRevision() {
		this.listener.afterStep(new AppliedRevision("ae10", "add users", CommandKind.UPGRADE, 120, List.of(),
				List.of("ae10")));
		this.listener.afterStep(new AppliedRevision("f00d", "add orders", CommandKind.UPGRADE, 30, List.of("ae10"),
				List.of("f00d")));
		assertThat(this.registry.get("migrate.revision").tag("revision", "ae10").tag("direction", "upgrade").timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
		assertThat(this.registry.get("migrate.revision").timers()).hasSize(2);
	}

	@Test
	void doesNotTimeStamps() {
		this.listener.afterStep(new AppliedRevision("ae10", "add users", CommandKind.STAMP, 0, List.of(), List.of("ae10")));
		assertThat(this.registry.find("migrate.revision").timers()).isEmpty();
	}

	@Test
	void countsFailures() {
		this.listener.onFailure(CommandKind.UPGRADE, "ae10", new MigrateException("failed"));
		this.listener.onFailure(CommandKind.UPGRADE, "ae10", new MigrateException("failed again"));
		assertThat(this.registry.get("migrate.failures").tag("revision", "ae10").tag("command", "upgrade").counter()
			.count()).isEqualTo(2);
	}

}
