package dev.migrate.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateException;
import dev.migrate.core.ModelSource;
import dev.migrate.core.ModelSourceProvider;

/**
 * What {@code migrate:revision -Dmigrate.autogenerate} and {@code migrate:check -Dmigrate.model=...} compare the
 * database with, read from the goal's parameters: {@code jpa} (the project's JPA entities, in
 * {@code migrate.entityPackages} or else the packages of its {@code @SpringBootApplication} or {@code @EntityScan}
 * class), {@code jpa:com.example.shop}, {@code jpa:META-INF/persistence.xml[#unit]}, or a DDL file relative to the
 * project. The entities are read from the project's compiled classes, which the goal never compiles itself.
 *
 * @param model the {@code migrate.model} value, or {@code null} for the entities
 * @param entityPackages the {@code migrate.entityPackages} value, or {@code null}
 * @param devUrl the {@code migrate.devUrl} value (a scratch database for the model), or {@code null}
 * @param devUser the {@code migrate.devUser} value, or {@code null}
 * @param devPassword the {@code migrate.devPassword} user property, or {@code null}
 */
record ModelParameters(String model, String entityPackages, String devUrl, String devUser, String devPassword) {

	/** The model of a Java project: its JPA entities. */
	static final String ENTITIES = "jpa";

	/** {@code jpa:...}; a single letter before the colon is a Windows drive, not a scheme. */
	private static final Pattern SCHEME = Pattern.compile("([a-z][a-z0-9]+):(.*)", Pattern.DOTALL);

	ModelParameters {
		model = blankToNull(model);
		entityPackages = blankToNull(entityPackages);
		devUrl = blankToNull(devUrl);
		devUser = blankToNull(devUser);
		devPassword = blankToNull(devPassword);
	}

	/**
	 * @return the model as the messages name it, such as {@code jpa:com.example.shop} or {@code jpa} for the
	 * application's packages
	 */
	String name() {
		String spec = spec();
		return spec.equals(ENTITIES + ":") ? ENTITIES : spec;
	}

	/**
	 * @param basedir the project's directory, for a DDL file
	 * @param outputDirectory the project's compiled classes ({@code target/classes})
	 * @param classLoader the project's classes and dependencies over the plugin's (which has {@code migrate-jpa})
	 * @param renames rename hints
	 * @return the model source
	 */
	ModelSource source(Path basedir, Path outputDirectory, ClassLoader classLoader, List<String> renames) {
		Matcher scheme = SCHEME.matcher(spec());
		ModelSource source;
		if (!scheme.matches()) {
			Path file = basedir.resolve(this.model);
			if (!Files.isRegularFile(file)) {
				throw new ConfigurationException("migrate.model", "migrate.model is '" + this.model + "', which is"
						+ " neither 'jpa' (the project's entities), 'jpa:PACKAGE' nor a DDL file (" + file
						+ " does not exist); use -Dmigrate.model=jpa");
			}
			source = new ModelSource(file, null, null, null, List.of());
		}
		else {
			if (!Files.isDirectory(outputDirectory)) {
				throw new ConfigurationException("migrate.model", "The project's classes (" + outputDirectory
						+ ") are not compiled, and this goal compiles nothing itself; run 'mvn compile "
						+ "migrate:<goal> ...' so the entities are read as they are now");
			}
			source = entities(scheme.group(1), scheme.group(2), outputDirectory, classLoader);
		}
		return source.withDevDatabase(this.devUrl, this.devUser, this.devPassword).withRenames(renames);
	}

	// 'jpa' alone is the entities; so is no migrate.model at all, with migrate.entityPackages naming the packages
	private String spec() {
		String spec = (this.model != null) ? this.model : ENTITIES;
		if (spec.equals(ENTITIES) || spec.equals(ENTITIES + ":")) {
			return ENTITIES + ":" + ((this.entityPackages != null) ? this.entityPackages.replace(" ", "") : "");
		}
		return spec;
	}

	private static ModelSource entities(String scheme, String argument, Path outputDirectory,
			ClassLoader classLoader) {
		try {
			return provider(scheme, classLoader).modelSource(argument, classLoader);
		}
		catch (MigrateException ex) {
			if (scheme.equals(ENTITIES) && argument.isEmpty()) {
				// the entities' packages were to come from the application class, and none was found: say the
				// Maven property, not the command line's model syntax
				throw new ConfigurationException("migrate.entityPackages", "No @SpringBootApplication or @EntityScan"
						+ " class was found in " + outputDirectory + " to take the entity packages from; name them"
						+ " with -Dmigrate.entityPackages=com.example.shop (comma separated)");
			}
			throw ex;
		}
	}

	private static ModelSourceProvider provider(String scheme, ClassLoader classLoader) {
		for (ModelSourceProvider provider : ServiceLoader.load(ModelSourceProvider.class, classLoader)) {
			if (provider.scheme().equals(scheme)) {
				return provider;
			}
		}
		throw new ConfigurationException("migrate.model", "migrate.model names the scheme '" + scheme
				+ "', which no module on the plugin's or the project's classpath reads; use -Dmigrate.model=jpa"
				+ " (JPA entities) or a DDL file");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	@Override
	public String toString() {
		return "ModelParameters[model=" + this.model + ", entityPackages=" + this.entityPackages + ", devUrl="
				+ ((this.devUrl != null) ? "(set)" : null) + "]";
	}

}
