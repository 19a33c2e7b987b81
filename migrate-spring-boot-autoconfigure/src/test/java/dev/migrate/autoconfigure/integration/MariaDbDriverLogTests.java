package dev.migrate.autoconfigure.integration;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A failing init SQL on a real MariaDB server, started as an application is: the server's message echoes the
 * statement's literal, and neither migrate's failure report nor MariaDB Connector/J's own log line may show it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MariaDbDriverLogTests {

	private static final String VALUE = "tok-4f9a61c2";

	private static final String FAILING_INIT_SQL = "SET @token = = '" + VALUE + "'";

	@Test
	void failingInitSqlLeavesItsValueOutOfTheLog(CapturedOutput output) {
		try (TestDatabase db = TestDatabases.create(Engine.MARIADB)) {
			assertThatException().isThrownBy(() -> start(db));
			assertThat(output).contains("init-sqls").doesNotContain(VALUE);
		}
	}

	@Test
	void driverLineComesBackWhenTheApplicationAsksForIt(CapturedOutput output) {
		try (TestDatabase db = TestDatabases.create(Engine.MARIADB)) {
			assertThatException()
				.isThrownBy(() -> start(db, "--logging.level.org.mariadb.jdbc.message.server.ErrorPacket=warn"));
			// What the default above keeps out: the driver's WARN line with the server's echo of the literal.
			assertThat(output).contains("ErrorPacket").contains(VALUE);
		}
	}

	private static void start(TestDatabase db, String... more) {
		SpringApplication application = new SpringApplication(IntegrationTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] args = { "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=" + db.password(), "--migrate.init-sqls[0]=" + FAILING_INIT_SQL };
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		application.run(all).close();
	}

}
