package dev.migrate.cli;

import java.time.Duration;

import dev.migrate.core.MigrateConfig;
import picocli.CommandLine.Option;

/**
 * The options of the commands that take the migration lock ({@code upgrade}, {@code downgrade}, {@code stamp}).
 */
final class LockOptions {

	@Option(names = "--lock-timeout", paramLabel = "SECONDS",
			description = "Wait up to SECONDS for another runner's migration lock (default: 60).")
	Long lockTimeoutSeconds;

	void applyTo(MigrateConfig.Builder builder) {
		if (this.lockTimeoutSeconds != null) {
			builder.lockTimeout(Duration.ofSeconds(this.lockTimeoutSeconds));
		}
	}

}
