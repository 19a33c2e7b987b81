package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.autoconfigure.actuate.MigrationsEndpoint;
import dev.migrate.autoconfigure.actuate.MigrationsEndpointAutoConfiguration;
import dev.migrate.autoconfigure.health.MigrationsHealthContributorAutoConfiguration;
import dev.migrate.autoconfigure.health.MigrationsHealthIndicator;
import dev.migrate.core.Migrator;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Health probes and {@code /actuator/migrations} on a database with 1,000 applied revisions and
 * {@code migrate.model} set: the scripts are read once and the model is loaded once (at startup), however often
 * they are asked. Counted, not timed: script loads through {@link Migrator#scriptLoads()}, and DDL commands
 * through a PostgreSQL event trigger.
 */
class MigrationsSnapshotTests {

	private static final int REVISIONS = 1000;

	@TempDir
	Path scripts;

	@Test
	void healthAndTheEndpointReadNoScriptAndRunNoDdlAfterStartup() throws Exception {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not available");
		writeRevisions();
		try (TestDatabase db = TestDatabases.create(Engine.POSTGRESQL)) {
			installDdlLog(db);
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
						MigrateAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
						MigrationsHealthContributorAutoConfiguration.class))
				.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
						"migrate.locations=filesystem:" + this.scripts, "migrate.model=classpath:models/item-with-sku.sql",
						"management.endpoints.web.exposure.include=migrations")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
					MigrationsHealthIndicator health = context.getBean(MigrationsHealthIndicator.class);
					Migrator migrator = context.getBean(Migrator.class);
					long loadsAtStartup = migrator.scriptLoads();
					long ddlAtStartup = ddlCommands(db);
					assertThat(loadsAtStartup).isEqualTo(1);
					// item, the version and history tables, and the model's two tables in the scratch transaction
					assertThat(ddlAtStartup).as("DDL at startup").isGreaterThanOrEqualTo(5);
					for (int i = 0; i < 100; i++) {
						assertThat(health.health().getDetails()).containsEntry("current", List.of(id(REVISIONS)));
						assertThat(endpoint.migrations(null, null, null).getContexts()).isNotEmpty();
					}
					assertThat(migrator.scriptLoads()).as("script loads").isEqualTo(loadsAtStartup);
					assertThat(ddlCommands(db)).as("DDL commands").isEqualTo(ddlAtStartup);
				});
		}
	}

	private void writeRevisions() throws IOException {
		Path directory = this.scripts;
		for (int i = 1; i <= REVISIONS; i++) {
			String upgrade = (i == 1) ? "CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(100));" : "SELECT " + i + ";";
			Files.writeString(directory.resolve(id(i) + "_step.sql"), "-- step " + i + "\n-- Revision ID: " + id(i)
					+ "\n-- Revises: " + ((i == 1) ? "" : id(i - 1)) + "\n\n-- migrate:upgrade\n" + upgrade
					+ "\n\n-- migrate:downgrade\n");
		}
	}

	private static String id(int i) {
		return String.format("r%04d", i);
	}

	private static void installDdlLog(TestDatabase db) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			// A sequence, not a table: the model is loaded in a transaction that is rolled back, and nextval stays.
			statement.execute("CREATE SEQUENCE ddl_count");
			statement.execute("CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS"
					+ " $$ BEGIN PERFORM nextval('public.ddl_count'); END $$");
			statement.execute("CREATE EVENT TRIGGER log_ddl ON ddl_command_start EXECUTE FUNCTION log_ddl()");
		}
	}

	private static long ddlCommands(TestDatabase db) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT last_value, is_called FROM public.ddl_count")) {
			result.next();
			return result.getBoolean(2) ? result.getLong(1) : 0;
		}
	}

}
