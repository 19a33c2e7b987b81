package dev.migrate.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The library service. On startup, migrate's starter upgrades the database to every head before the web
 * server takes requests; {@code /actuator/migrations} then lists the applied revisions.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments, for example {@code --spring.profiles.active=postgres}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
