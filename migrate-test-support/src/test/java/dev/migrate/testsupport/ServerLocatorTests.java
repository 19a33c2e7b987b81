package dev.migrate.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServerLocatorTests {

	// Port 1 on loopback refuses connections at once: a stopped server, without waiting for a timeout.
	private static final String STOPPED = "jdbc:postgresql://127.0.0.1:1/test";

	@Test
	void missingPostgresUnderCiFailsNamingTheUrlItTried() {
		ServerLocator locator = new ServerLocator(Map.of("CI", "true", "MIGRATE_TEST_POSTGRES_URL", STOPPED,
				"MIGRATE_TEST_POSTGRES_USER", "postgres"), () -> false);
		Availability availability = locator.locate(Engine.POSTGRESQL);
		assertThat(availability).isInstanceOf(Availability.Unavailable.class);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> TestDatabases.create(availability))
			.withMessageStartingWith("PostgreSQL did not answer at " + STOPPED + ": ")
			.withMessageContaining("(required because CI=true)");
	}

	@Test
	void missingPostgresOutsideCiSkipsWithTheReason() {
		ServerLocator locator = new ServerLocator(Map.of("MIGRATE_TEST_POSTGRES_URL", STOPPED), () -> false);
		Availability availability = locator.locate(Engine.POSTGRESQL);
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> TestDatabases.create(availability))
			.withMessageStartingWith("Skipped: PostgreSQL did not answer at " + STOPPED)
			.withMessageContaining("unset MIGRATE_TEST_POSTGRES_URL or fix it");
	}

	@Test
	void sqlServerWithoutDockerOrUrlSkipsEvenUnderCi() {
		ServerLocator locator = new ServerLocator(Map.of("CI", "true"), () -> false);
		Availability availability = locator.locate(Engine.SQLSERVER);
		assertThat(availability).isInstanceOfSatisfying(Availability.Unavailable.class, (unavailable) -> {
			assertThat(unavailable.required()).isFalse();
			assertThat(unavailable.reason()).isEqualTo("SQL Server has no local default, MIGRATE_TEST_SQLSERVER_URL is"
					+ " not set and there is no Docker engine for Testcontainers; set MIGRATE_TEST_SQLSERVER_URL");
		});
	}

	@Test
	void embeddedEnginesAreAlwaysAvailable() {
		ServerLocator locator = new ServerLocator(Map.of(), () -> false);
		assertThat(locator.locate(Engine.SQLITE)).isInstanceOf(Availability.Available.class);
		assertThat(locator.locate(Engine.H2)).isInstanceOf(Availability.Available.class);
	}

	@Test
	void rewritesServerUrlsToTheTestDatabaseAndMasksPasswords() {
		assertThat(JdbcUrls.withDatabase(Engine.POSTGRESQL, "jdbc:postgresql://127.0.0.1:5432/test?ssl=false", "mt_1"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/mt_1?ssl=false");
		assertThat(JdbcUrls.withDatabase(Engine.MARIADB, "jdbc:mariadb://127.0.0.1:3306", "mt_2"))
			.isEqualTo("jdbc:mariadb://127.0.0.1:3306/mt_2");
		assertThat(JdbcUrls.withDatabase(Engine.SQLSERVER, "jdbc:sqlserver://h:1433;databaseName=master;encrypt=false",
				"mt_3"))
			.isEqualTo("jdbc:sqlserver://h:1433;encrypt=false;databaseName=mt_3");
		assertThat(JdbcUrls.mask("jdbc:postgresql://h/db?user=a&password=secret&ssl=true"))
			.isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
	}

}
