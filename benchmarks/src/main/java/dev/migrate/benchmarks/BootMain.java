package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal Spring Boot application (auto-configuration, a DataSource, no web server) started in a fresh JVM
 * with either the migrate starter or the Flyway starter doing the migration check, or with neither (the floor):
 * {@code BootMain MIGRATE|MIGRATE_JAR|FLYWAY|NO_TOOL URL USER LOCATION_DIR}, password in {@code BENCH_DB_PASSWORD}.
 * Both starters are on the classpath; the other one's auto-configuration is excluded (both for the floor). Prints
 * {@code BENCH-RESULT <nanos>} for {@code main} to a refreshed context, then the table check. Without a tool
 * nothing would connect during the start (the pool opens lazily), so the floor has a bean that takes one
 * connection and runs {@code SELECT 1} when it is created, as a tool's initializer does: the pool starts at the
 * same point of the start (and fills itself in the background while the rest of the context starts, on every
 * variant alike), with the driver and the handshake. With {@code -Dbench.steps=true} it also prints the main
 * thread's CPU time per start-up step and each thread's ({@link StartupCpu}), after the result.
 */
public final class BootMain {

	static final String FLYWAY_AUTO_CONFIGURATION = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

	static final String MIGRATE_AUTO_CONFIGURATION = "dev.migrate.autoconfigure.MigrateAutoConfiguration";

	static final String FIRST_QUERY = "bench.first-query";

	private BootMain() {
	}

	/**
	 * Starts and closes the application once.
	 * @param args tool, JDBC URL, user, script directory
	 */
	public static void main(String[] args) throws Exception {
		Clock clock = Clock.start();
		Tool tool = Tool.valueOf(args[0]);
		String url = args[1];
		String user = args[2];
		String location = location(args[3]);
		String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", user);
		properties.put("spring.datasource.password", password);
		if (tool == Tool.NO_TOOL) {
			properties.put("migrate.enabled", "false");
			properties.put("spring.flyway.enabled", "false");
			properties.put(FIRST_QUERY, "true");
			properties.put("spring.autoconfigure.exclude", FLYWAY_AUTO_CONFIGURATION
					+ (isPresent(MIGRATE_AUTO_CONFIGURATION) ? "," + MIGRATE_AUTO_CONFIGURATION : ""));
		}
		else if (tool == Tool.FLYWAY) {
			properties.put("spring.flyway.locations", location);
			properties.put("migrate.enabled", "false");
			if (isPresent(MIGRATE_AUTO_CONFIGURATION)) {
				properties.put("spring.autoconfigure.exclude", MIGRATE_AUTO_CONFIGURATION);
			}
		}
		else {
			properties.put("migrate.locations", location);
			properties.put("spring.autoconfigure.exclude", FLYWAY_AUTO_CONFIGURATION);
		}
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(properties);
		StartupCpu steps = Boolean.getBoolean(StartupCpu.PROPERTY) ? new StartupCpu() : null;
		if (steps != null) {
			application.setApplicationStartup(steps);
		}
		loadScriptsFrom(application, args[3]);
		try (ConfigurableApplicationContext context = application.run()) {
			long elapsed = clock.elapsedNanos();
			System.out.println(ChildMain.RESULT + elapsed);
			System.out.println(ChildMain.CLASSES + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
			if (steps != null) {
				steps.print();
			}
		}
		System.out.println(ChildMain.CHECK + ChildMain.countTables(url, user, password));
	}

	/**
	 * @param scripts a script directory, or {@code jar:<file>}: a packaged application's jar holding
	 * {@code db/migrations/} and its index
	 * @return the {@code locations} value that reads them
	 */
	static String location(String scripts) {
		return scripts.startsWith("jar:") ? "classpath:db/migrations" : "filesystem:" + scripts;
	}

	/**
	 * Puts a {@code jar:<file>} of scripts on the application's class path, as a packaged application holds them.
	 * @param application the application
	 * @param scripts a script directory (nothing to do) or {@code jar:<file>}
	 * @throws java.net.MalformedURLException if the file has no URL
	 */
	static void loadScriptsFrom(SpringApplication application, String scripts) throws java.net.MalformedURLException {
		if (scripts.startsWith("jar:")) {
			java.net.URL jarUrl = java.nio.file.Path.of(scripts.substring("jar:".length())).toUri().toURL();
			application.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(
					new java.net.URLClassLoader(new java.net.URL[] { jarUrl }, BootMain.class.getClassLoader())));
		}
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, BootMain.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		/**
		 * The floor's stand-in for a tool's initializer: one connection and {@code SELECT 1} when it is created.
		 */
		@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
		@org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty(FIRST_QUERY)
		static class FirstQuery {

			@org.springframework.context.annotation.Bean
			org.springframework.beans.factory.InitializingBean firstQuery(javax.sql.DataSource dataSource) {
				return () -> {
					try (java.sql.Connection connection = dataSource.getConnection();
							java.sql.Statement statement = connection.createStatement();
							java.sql.ResultSet result = statement.executeQuery("SELECT 1")) {
						result.next();
					}
				};
			}

		}

	}

}
