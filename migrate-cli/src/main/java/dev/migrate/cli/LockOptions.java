package dev.migrate.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.MigrateConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of the commands that take the migration lock ({@code upgrade}, {@code downgrade}, {@code stamp}).
 */
final class LockOptions {

	@Option(names = "--lock-timeout", paramLabel = "SECONDS",
			description = "Wait up to SECONDS for another runner's migration lock (default: 60).")
	Long lockTimeoutSeconds;

	@Option(names = "--ddl-lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
			description = "Let each statement wait at most DURATION (e.g. 5s, 500ms) for a table lock, and run a"
					+ " transactional revision that timed out again (default: the server's wait; 5s recommended).")
	Duration ddlLockTimeout;

	@Option(names = "--ddl-lock-retries", paramLabel = "N",
			description = "How often to run a revision that timed out on a table lock again (default: 3).")
	Integer ddlLockRetries;

	void applyTo(MigrateConfig.Builder builder) {
		if (this.lockTimeoutSeconds != null) {
			builder.lockTimeout(Duration.ofSeconds(this.lockTimeoutSeconds));
		}
		if (this.ddlLockTimeout != null) {
			builder.ddlLockTimeout(this.ddlLockTimeout);
		}
		if (this.ddlLockRetries != null) {
			builder.ddlLockRetries(this.ddlLockRetries);
		}
	}

	/** Reads {@code 5s}, {@code 500ms}, {@code 2m} or a bare number of seconds. */
	static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

		private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

		@Override
		public Duration convert(String value) {
			Matcher matcher = DURATION.matcher(value.strip());
			if (!matcher.matches()) {
				throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write it as 5s,"
						+ " 500ms or 2m");
			}
			long amount = Long.parseLong(matcher.group(1));
			String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
			return switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofSeconds(amount);
			};
		}

	}

}
