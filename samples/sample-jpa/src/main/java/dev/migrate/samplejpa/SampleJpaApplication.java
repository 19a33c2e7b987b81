package dev.migrate.samplejpa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The catalogue. On startup migrate upgrades the database to its heads, then Hibernate validates the entities
 * against it ({@code spring.jpa.hibernate.ddl-auto=validate}).
 */
@SpringBootApplication
public class SampleJpaApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleJpaApplication.class, args);
	}

}
