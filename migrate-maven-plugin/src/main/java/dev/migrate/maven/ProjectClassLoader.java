package dev.migrate.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;

/**
 * The project's runtime classpath (its classes and runtime dependencies) over the plugin's, so the JDBC driver, Java
 * migrations and {@code classpath:} scripts come from the project, with no driver list in the plugin.
 */
final class ProjectClassLoader {

	private ProjectClassLoader() {
	}

	/**
	 * @param project the project, its runtime dependencies resolved
	 * @param parent the plugin's class loader
	 * @return a class loader the caller closes
	 */
	static URLClassLoader of(MavenProject project, ClassLoader parent) {
		List<URL> urls = new ArrayList<>();
		try {
			for (String element : project.getRuntimeClasspathElements()) {
				urls.add(new File(element).toURI().toURL());
			}
		}
		catch (DependencyResolutionRequiredException | MalformedURLException ex) {
			throw new IllegalStateException("Could not read the runtime classpath of " + project.getId(), ex);
		}
		return new URLClassLoader(urls.toArray(URL[]::new), parent);
	}

}
