package dev.migrate.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.autoconfigure.actuate.MigrationsEndpoint;
import dev.migrate.autoconfigure.actuate.MigrationsEndpointAutoConfiguration;
import dev.migrate.autoconfigure.health.MigrationsHealthContributorAutoConfiguration;
import dev.migrate.autoconfigure.health.MigrationsHealthIndicator;
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
 * they are asked. Counted, not timed: script directory listings through the class loader, and DDL commands
 * through a PostgreSQL event trigger.
 */
class MigrationsSnapshotTests {

	private static final int REVISIONS = 1000;

	private static final String LOCATION = "db/thousand";

	@TempDir
	Path classpathRoot;

	@Test
	void healthAndTheEndpointReadNoScriptAndRunNoDdlAfterStartup() throws Exception {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not available");
		writeRevisions();
		try (TestDatabase db = TestDatabases.create(Engine.POSTGRESQL);
				CountingClassLoader classLoader = new CountingClassLoader(this.classpathRoot)) {
			installDdlLog(db);
			new ApplicationContextRunner().withClassLoader(classLoader)
				.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
						MigrateAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
						MigrationsHealthContributorAutoConfiguration.class))
				.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
						"migrate.locations=classpath:" + LOCATION, "migrate.model=classpath:models/item-with-sku.sql",
						"management.endpoints.web.exposure.include=migrations")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
					MigrationsHealthIndicator health = context.getBean(MigrationsHealthIndicator.class);
					int listingsAtStartup = classLoader.listings.get();
					long ddlAtStartup = ddlCommands(db);
					assertThat(listingsAtStartup).isPositive();
					assertThat(ddlAtStartup).as("the upgrade and the model check ran DDL").isGreaterThan(REVISIONS);
					for (int i = 0; i < 100; i++) {
						assertThat(health.health().getDetails()).containsEntry("current", java.util.List.of(id(REVISIONS)));
						assertThat(endpoint.migrations(null, null).getContexts()).isNotEmpty();
					}
					assertThat(classLoader.listings.get()).as("script directory listings").isEqualTo(listingsAtStartup);
					assertThat(ddlCommands(db)).as("DDL commands").isEqualTo(ddlAtStartup);
				});
		}
	}

	private void writeRevisions() throws IOException {
		Path directory = Files.createDirectories(this.classpathRoot.resolve(LOCATION));
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
			statement.execute("CREATE TABLE ddl_log (tag TEXT)");
			statement.execute("CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS"
					+ " $$ BEGIN INSERT INTO public.ddl_log (tag) VALUES (tg_tag); END $$");
			statement.execute("CREATE EVENT TRIGGER log_ddl ON ddl_command_start EXECUTE FUNCTION log_ddl()");
		}
	}

	private static long ddlCommands(TestDatabase db) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM public.ddl_log")) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Serves the temporary classpath root and counts how often the script location is listed.
	 */
	private static final class CountingClassLoader extends URLClassLoader {

		final AtomicInteger listings = new AtomicInteger();

		CountingClassLoader(Path root) throws IOException {
			super(new URL[] { root.toUri().toURL() }, MigrationsSnapshotTests.class.getClassLoader());
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (name.equals(LOCATION)) {
				this.listings.incrementAndGet();
			}
			return super.getResources(name);
		}

	}

}
