package dev.migrate.jpa;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.migrate.core.MigrateException;
import dev.migrate.core.ModelSource;
import dev.migrate.core.ModelSourceProvider;

/**
 * {@code --model jpa:com.example.shop,com.example.billing} (packages to scan) or
 * {@code --model jpa:META-INF/persistence.xml} (optionally {@code #unit}): JPA entities as the model. A bare
 * {@code jpa:} takes the packages of the {@code @SpringBootApplication} (or {@code @EntityScan}) class found in
 * the class directories of {@code --classpath}.
 */
public final class JpaModelSourceProvider implements ModelSourceProvider {

	@Override
	public String scheme() {
		return "jpa";
	}

	@Override
	public ModelSource modelSource(String argument, ClassLoader classLoader) {
		return model(argument, classLoader).modelSource();
	}

	private static List<Path> classDirectories(ClassLoader classLoader) {
		if (!(classLoader instanceof URLClassLoader urls)) {
			return List.of();
		}
		return Arrays.stream(urls.getURLs())
			.filter((url) -> url.getProtocol().equals("file"))
			.map(JpaModelSourceProvider::path)
			.filter(Files::isDirectory)
			.toList();
	}

	private static Path path(URL url) {
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new MigrateException("The classpath entry " + url + " is not a file path", ex);
		}
	}

	static JpaModel model(String argument, ClassLoader classLoader) {
		String spec = argument.trim();
		if (spec.endsWith(".xml") || spec.contains(".xml#")) {
			int hash = spec.indexOf('#');
			String resource = (hash < 0) ? spec : spec.substring(0, hash);
			String unit = (hash < 0) ? null : spec.substring(hash + 1);
			URL location = classLoader.getResource(resource);
			if (location == null) {
				throw new MigrateException("The persistence.xml '" + resource
						+ "' is not on the classpath; add the directory or jar that holds it to --classpath");
			}
			return JpaModel.ofPersistenceXml(location, unit).withClassLoader(classLoader);
		}
		List<String> packages = Arrays.stream(spec.split(",")).map(String::trim).filter((p) -> !p.isEmpty()).toList();
		if (packages.isEmpty()) {
			packages = ApplicationPackages.find(classDirectories(classLoader), classLoader);
			if (packages.isEmpty()) {
				throw new MigrateException("The model 'jpa:' names no package and no @SpringBootApplication or"
						+ " @EntityScan class was found in the class directories of the classpath; name the entity"
						+ " packages: jpa:com.example.shop");
			}
		}
		for (String name : packages) {
			if (!name.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
				throw new MigrateException("'" + name + "' in the model 'jpa:" + argument
						+ "' is not a Java package name; use jpa:com.example.shop (packages separated by commas)"
						+ " or jpa:META-INF/persistence.xml");
			}
		}
		// Scanned packages are the Spring Boot case: its application properties name the Hibernate settings.
		return JpaModel.ofPackages(packages).withClassLoader(classLoader)
			.withProperties(ApplicationJpaProperties.read(classLoader));
	}

}
