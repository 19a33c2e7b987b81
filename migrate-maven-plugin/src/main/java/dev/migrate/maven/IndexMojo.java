package dev.migrate.maven;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.migrate.core.MigrateException;
import dev.migrate.core.script.ScriptIndex;

/**
 * {@code migrate:index}: writes the script index ({@code _migrate.index}: the digest of every revision's id and
 * checksum, the heads, each file's size, CRC-32 and time) into the build's copy of each classpath location, so that
 * the packaged application finds itself up to date by reading one resource and one database row instead of every
 * script and history row. Bound to {@code process-resources}, after the scripts are copied; no database needed.
 * A script edited, added or removed after the index was written makes the index unusable, and the application
 * reads the scripts as it would without one.
 */
@Mojo(name = "index", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public final class IndexMojo extends AbstractMojo {

	/** The classpath locations to index, comma separated, as the application configures them. */
	@Parameter(property = "migrate.index.locations", defaultValue = "classpath:db/migrations")
	String locations;

	/** Where the build copies resources to. */
	@Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
	String outputDirectory;

	/** Skip the goal. */
	@Parameter(property = "migrate.skip", defaultValue = "false")
	boolean skip;

	@Override
	public void execute() throws MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping migrate (migrate.skip is true)");
			return;
		}
		for (String location : this.locations.split(",")) {
			String path = location.strip();
			if (path.isEmpty()) {
				continue;
			}
			if (path.startsWith("classpath:")) {
				path = path.substring("classpath:".length());
			}
			else if (path.contains(":")) {
				throw new MojoFailureException("migrate.index.locations: '" + path + "' is not a classpath location;"
						+ " index only what the build packages, such as classpath:db/migrations");
			}
			Path directory = Path.of(this.outputDirectory).resolve(path.replaceAll("^/+", ""));
			if (!Files.isDirectory(directory)) {
				getLog().info("No scripts at " + directory + " to index");
				continue;
			}
			try {
				Path file = ScriptIndex.write(directory);
				getLog().info("Indexed the scripts of classpath:" + path + " into " + file);
			}
			catch (MigrateException | java.io.UncheckedIOException ex) {
				throw new MojoFailureException(ex.getMessage(), ex);
			}
		}
	}

}
