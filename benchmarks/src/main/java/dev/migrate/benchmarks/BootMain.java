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
 * with either the migrate starter or the Flyway starter doing the migration check:
 * {@code BootMain MIGRATE|FLYWAY URL USER LOCATION_DIR}, password in {@code BENCH_DB_PASSWORD}. Both starters
 * are on the classpath; the other one's auto-configuration is excluded. Prints {@code BENCH-RESULT <nanos>} for
 * {@code main} to a refreshed context, then the table check.
 */
public final class BootMain {

	static final String FLYWAY_AUTO_CONFIGURATION = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

	static final String MIGRATE_AUTO_CONFIGURATION = "dev.migrate.autoconfigure.MigrateAutoConfiguration";

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
		if (tool == Tool.FLYWAY) {
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
		loadScriptsFrom(application, args[3]);
		try (ConfigurableApplicationContext context = application.run()) {
			long elapsed = clock.elapsedNanos();
			System.out.println(ChildMain.RESULT + elapsed);
			System.out.println(ChildMain.CLASSES + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
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

	}

}
