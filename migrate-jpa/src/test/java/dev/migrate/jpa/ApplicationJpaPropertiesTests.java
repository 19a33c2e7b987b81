package dev.migrate.jpa;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.MigrateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A model given as packages on the command line or to the Maven plugin names tables and columns as the
 * application's {@code application.properties} or {@code application.yml} tell Hibernate to.
 */
class ApplicationJpaPropertiesTests {

	private static final String STANDARD = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";

	@TempDir
	Path resources;

	@Test
	void withoutApplicationPropertiesTheModelUsesSpringBootsDefaults() throws IOException {
		assertThat(ddl()).contains("last_name varchar(80) not null");
	}

	@Test
	void thePhysicalStrategyOfApplicationPropertiesNamesTheColumns() throws IOException {
		Files.writeString(this.resources.resolve("application.properties"),
				"spring.jpa.hibernate.naming.physical-strategy=" + STANDARD + "\n");
		assertThat(ddl()).contains("lastName varchar(80) not null").doesNotContain("last_name varchar");
	}

	@Test
	void hibernatePropertiesPassThroughFromApplicationYml() throws IOException {
		Files.writeString(this.resources.resolve("application.yml"), """
				spring:
				  jpa:
				    properties:
				      hibernate:
				        physical_naming_strategy: %s
				""".formatted(STANDARD));
		assertThat(ddl()).contains("lastName varchar(80) not null");
	}

	@Test
	void applicationPropertiesWinOverApplicationYml() throws IOException {
		Files.writeString(this.resources.resolve("application.yml"),
				"spring.jpa.hibernate.naming.physical-strategy: " + STANDARD + "\n");
		Files.writeString(this.resources.resolve("application.properties"),
				"spring.jpa.hibernate.naming.physicalStrategy="
						+ "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl\n");
		assertThat(ddl()).contains("last_name varchar(80) not null");
	}

	@Test
	void anUnsetPlaceholderNamesTheKeyAndTheFile() throws IOException {
		Files.writeString(this.resources.resolve("application.properties"),
				"spring.jpa.properties.hibernate.default_schema=${MIGRATE_TEST_UNSET_SCHEMA_VARIABLE}\n");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(this::ddl)
			.withMessageStartingWith("spring.jpa.properties.hibernate.default_schema in ")
			.withMessageContaining("application.properties uses a placeholder that is not set")
			.withMessageContaining("MIGRATE_TEST_UNSET_SCHEMA_VARIABLE");
	}

	private String ddl() throws IOException {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.resources.toUri().toURL() },
				getClass().getClassLoader())) {
			return JpaModelSourceProvider.model("dev.migrate.jpa.shop", loader).ddl("postgresql");
		}
	}

}
