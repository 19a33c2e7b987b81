package dev.migrate.jpa;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.jpa.app.ShopApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without named packages, the packages of the {@code @SpringBootApplication} class, read from class files.
 */
class ApplicationPackagesTests {

	@Test
	void findsThePackageOfTheSpringBootApplicationClass() throws URISyntaxException {
		Path classes = Path.of(ShopApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertThat(ApplicationPackages.find(List.of(classes), getClass().getClassLoader())).containsExactly("dev.migrate.jpa.app");
	}

	@Test
	void findsNothingWhereThereIsNoApplicationClass(@org.junit.jupiter.api.io.TempDir Path empty) {
		assertThat(ApplicationPackages.find(List.of(empty, empty.resolve("missing")), getClass().getClassLoader())).isEmpty();
	}

}
