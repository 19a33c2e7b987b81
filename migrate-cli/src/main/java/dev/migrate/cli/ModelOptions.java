package dev.migrate.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.ModelSource;
import dev.migrate.core.ModelSourceProvider;
import picocli.CommandLine.Option;

/**
 * {@code --model}, {@code --classpath} and {@code --dev-url}: where autogenerate and {@code check} find the
 * desired schema. A model is a DDL file, or a scheme and its argument ({@code jpa:com.example.shop}) that a
 * {@link ModelSourceProvider} on the classpath (or on {@code --classpath}) understands.
 */
final class ModelOptions {

	/** {@code jpa:...}; a single letter before the colon is a Windows drive, not a scheme. */
	private static final Pattern SCHEME = Pattern.compile("([a-z][a-z0-9]+):(.*)", Pattern.DOTALL);

	@Option(names = "--model", paramLabel = "MODEL",
			description = "The desired schema: a DDL file, or jpa:PACKAGE[,PACKAGE] (JPA entities, with migrate-jpa"
					+ " on --classpath) or jpa:META-INF/persistence.xml[#UNIT].")
	String model;

	@Option(names = "--classpath", paramLabel = "PATH", split = "${sys:path.separator}",
			description = "Directories and jars with the application's classes, migrate-jpa and Hibernate, for a"
					+ " jpa: model (for Maven: mvn dependency:build-classpath, plus target/classes).")
	List<Path> classpath;

	@Option(names = "--dev-url", paramLabel = "URL",
			description = "A scratch database to load the model into (required on SQL Server).")
	String devUrl;

	boolean present() {
		return this.model != null;
	}

	/**
	 * @param resolve resolves a relative path against the working directory
	 * @param renames rename hints
	 * @return the model source
	 */
	ModelSource source(UnaryOperator<Path> resolve, List<String> renames) {
		Matcher scheme = SCHEME.matcher(this.model);
		if (!scheme.matches()) {
			return new ModelSource(resolve.apply(Path.of(this.model)), this.devUrl, null, null, renames);
		}
		ClassLoader loader = classLoader(resolve);
		for (ModelSourceProvider provider : ServiceLoader.load(ModelSourceProvider.class, loader)) {
			if (provider.scheme().equals(scheme.group(1))) {
				return provider.modelSource(scheme.group(2), loader)
					.withDevDatabase(this.devUrl, null, null)
					.withRenames(renames);
			}
		}
		throw new ConfigurationException("model", "--model " + this.model + " needs the migrate-" + scheme.group(1)
				+ " module, which is not on the classpath; add its jar and its dependencies (Hibernate) with"
				+ " --classpath, or give a DDL file");
	}

	private ClassLoader classLoader(UnaryOperator<Path> resolve) {
		ClassLoader parent = ModelOptions.class.getClassLoader();
		if (this.classpath == null || this.classpath.isEmpty()) {
			return parent;
		}
		List<URL> urls = new ArrayList<>();
		for (Path entry : this.classpath) {
			Path path = resolve.apply(entry);
			// as java does, an entry that does not exist is skipped (build tools list empty output directories)
			if (Files.exists(path)) {
				try {
					urls.add(path.toUri().toURL());
				}
				catch (MalformedURLException ex) {
					throw new ConfigurationException("classpath", "--classpath entry " + path + " is not a valid path");
				}
			}
		}
		if (urls.isEmpty()) {
			throw new ConfigurationException("classpath", "None of the --classpath entries exists ("
					+ String.join(File.pathSeparator, this.classpath.stream().map(Path::toString).toList())
					+ "); name the directories and jars with the application's classes, separated by '"
					+ File.pathSeparator + "'");
		}
		// the application's classes see migrate's own (the interface the provider implements) from the parent
		return new URLClassLoader("migrate-model", urls.toArray(URL[]::new), parent);
	}

	@Override
	public String toString() {
		return "ModelOptions[model=" + this.model + ", classpath=" + this.classpath + "]";
	}

}
