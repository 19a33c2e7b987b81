package dev.migrate.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code --ddl-lock-timeout}'s durations.
 */
class LockOptionsTests {

	private final LockOptions.DurationConverter converter = new LockOptions.DurationConverter();

	@Test
	void readsSecondsMillisecondsAndMinutes() {
		assertThat(this.converter.convert("5s")).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(this.converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.converter.convert("7")).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void rejectsOtherTextNamingTheForms() {
		assertThatExceptionOfType(CommandLine.TypeConversionException.class)
			.isThrownBy(() -> this.converter.convert("soon"))
			.withMessage("'soon' is not a duration; write it as 5s, 500ms or 2m");
	}

}
