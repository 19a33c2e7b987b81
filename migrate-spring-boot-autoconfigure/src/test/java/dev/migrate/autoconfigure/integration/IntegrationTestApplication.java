package dev.migrate.autoconfigure.integration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application for the {@code @SpringBootTest}s, the {@code @JdbcTest} slice and the
 * {@code exit-after-migrate} process tests.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class IntegrationTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(IntegrationTestApplication.class, args);
	}

}
