package dev.migrate.cli;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failure gives which exit code.
 */
class ExitCodesTests {

	@Test
	void configurationErrorsAreUsageErrors() {
		assertThat(ExitCodes.of(new ConfigurationException("url", "no url"))).isEqualTo(ExitCodes.USAGE);
		assertThat(ExitCodes.of(new MigrateException("wrapped", new ConfigurationException("url", "x"))))
			.isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void connectionAndLoginFailuresAreUsageErrors() {
		assertThat(ExitCodes.of(new MigrateException("cannot connect", new SQLException("refused", "08001"))))
			.isEqualTo(ExitCodes.USAGE);
		assertThat(ExitCodes.of(new MigrateException("cannot connect", new SQLException("bad password", "28P01"))))
			.isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void migrationFailuresAndUnexpectedErrorsAreFailures() {
		assertThat(ExitCodes.of(new MigrateException("statement 2 failed", new SQLException("syntax", "42601"))))
			.isEqualTo(ExitCodes.FAILED);
		assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(ExitCodes.FAILED);
	}

}
