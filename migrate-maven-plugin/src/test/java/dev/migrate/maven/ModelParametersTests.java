package dev.migrate.maven;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.ModelSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@code migrate.model}, {@code migrate.entityPackages} and {@code migrate.devUrl} become the model, and the
 * errors that name the Maven property to set. The loop itself runs in the invoker build
 * {@code src/it/jpa-entities-project}.
 */
class ModelParametersTests {

	@TempDir
	Path project;

	@Test
	void theEntitiesAreTheDefaultModelAndEntityPackagesNameThem() {
		assertThat(new ModelParameters(null, null, null, null, null).name()).isEqualTo("jpa");
		assertThat(new ModelParameters("jpa", null, null, null, null).name()).isEqualTo("jpa");
		assertThat(new ModelParameters("jpa", "com.example.shop, com.example.billing", null, null, null).name())
			.isEqualTo("jpa:com.example.shop,com.example.billing");
		assertThat(new ModelParameters(" jpa:com.example.shop ", "ignored", null, null, null).name())
			.isEqualTo("jpa:com.example.shop");
	}

	@Test
	void readsPackagesFromTheCompiledClassesWithTheDevDatabaseAndRenames() throws Exception {
		Path classes = Files.createDirectories(this.project.resolve("target/classes"));
		try (URLClassLoader loader = loader(classes)) {
			ModelSource source = new ModelParameters("jpa", "com.example.shop", "jdbc:h2:mem:dev", "sa", "secret")
				.source(this.project, classes, loader, List.of("author.phone=mobile"));
			assertThat(source.name()).isEqualTo("jpa:com.example.shop");
			assertThat(source.devUrl()).isEqualTo("jdbc:h2:mem:dev");
			assertThat(source.devUser()).isEqualTo("sa");
			assertThat(source.renames()).containsExactly("author.phone=mobile");
			assertThat(source.toString()).doesNotContain("secret");
		}
	}

	@Test
	void refusesClassesThatAreNotCompiled() throws Exception {
		Path classes = this.project.resolve("target/classes");
		try (URLClassLoader loader = loader(this.project)) {
			assertThatExceptionOfType(ConfigurationException.class)
				.isThrownBy(() -> new ModelParameters("jpa", null, null, null, null).source(this.project, classes,
						loader, List.of()))
				.withMessage("The project's classes (" + classes + ") are not compiled, and this goal compiles nothing"
						+ " itself; run 'mvn compile migrate:<goal> ...' so the entities are read as they are now");
		}
	}

	@Test
	void namesEntityPackagesWhenNoApplicationClassIsFound() throws Exception {
		Path classes = Files.createDirectories(this.project.resolve("target/classes"));
		try (URLClassLoader loader = loader(classes)) {
			assertThatExceptionOfType(ConfigurationException.class)
				.isThrownBy(() -> new ModelParameters(null, null, null, null, null).source(this.project, classes,
						loader, List.of()))
				.withMessage("No @SpringBootApplication or @EntityScan class was found in " + classes + " to take the"
						+ " entity packages from; name them with -Dmigrate.entityPackages=com.example.shop (comma"
						+ " separated)");
		}
	}

	@Test
	void takesADdlFileRelativeToTheProjectAndNamesAMissingOne() throws Exception {
		Files.writeString(this.project.resolve("schema.sql"), "CREATE TABLE account (id INT PRIMARY KEY);");
		try (URLClassLoader loader = loader(this.project)) {
			ModelSource source = new ModelParameters("schema.sql", null, null, null, null).source(this.project,
					this.project.resolve("target/classes"), loader, List.of());
			assertThat(source.file()).isEqualTo(this.project.resolve("schema.sql"));
			assertThatExceptionOfType(ConfigurationException.class)
				.isThrownBy(() -> new ModelParameters("missing.sql", null, null, null, null).source(this.project,
						this.project.resolve("target/classes"), loader, List.of()))
				.withMessageContaining("migrate.model is 'missing.sql', which is neither 'jpa'")
				.withMessageEndingWith("; use -Dmigrate.model=jpa");
		}
	}

	private static URLClassLoader loader(Path directory) throws Exception {
		return new URLClassLoader(new URL[] { directory.toUri().toURL() }, ModelParametersTests.class.getClassLoader());
	}

}
