package dev.migrate.benchmarks;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The steady-state benchmark's application: {@link BootMain.App} with the servlet web server on a random
 * loopback port and the actuator's {@code health} and {@code migrations} endpoints exposed:
 * {@code SteadyMain URL USER LOCATION_DIR|jar:<file>}, password in {@code BENCH_DB_PASSWORD}. Prints
 * {@code BENCH-PORT <port>} once it serves, and stops when its standard input closes. The web and actuator
 * jars are on the classpath only in the {@code bench-steady} profile, so nothing here refers to their classes.
 */
public final class SteadyMain {

	static final String PORT = "BENCH-PORT ";

	private SteadyMain() {
	}

	/**
	 * Serves until standard input closes.
	 * @param args JDBC URL, user, script directory or {@code jar:<file>} (see {@link BootMain#location})
	 */
	public static void main(String[] args) throws IOException {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", args[0]);
		properties.put("spring.datasource.username", args[1]);
		properties.put("spring.datasource.password", System.getenv().getOrDefault("BENCH_DB_PASSWORD", ""));
		properties.put("migrate.locations", BootMain.location(args[2]));
		properties.put("spring.autoconfigure.exclude", BootMain.FLYWAY_AUTO_CONFIGURATION);
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "health,migrations");
		SpringApplication application = new SpringApplication(BootMain.App.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(properties);
		BootMain.loadScriptsFrom(application, args[2]);
		try (ConfigurableApplicationContext context = application.run()) {
			System.out.println(PORT + context.getEnvironment().getProperty("local.server.port"));
			System.out.flush();
			// The parent closes our standard input to stop us (also when it dies).
			while (System.in.read() >= 0) {
				// ignore
			}
		}
	}

}
