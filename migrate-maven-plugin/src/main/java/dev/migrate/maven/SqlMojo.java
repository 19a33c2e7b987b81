package dev.migrate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.JdbcUrls;

/**
 * {@code migrate:sql}: writes the offline SQL script of an upgrade (or, with {@code migrate.direction=downgrade}, a
 * downgrade) over {@code migrate.target} to a file, for a DBA, without connecting. The dialect comes from
 * {@code migrate.dialect} or the URL.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class SqlMojo extends AbstractRevisionsMojo {

	/** Which script to write. */
	enum Direction {

		/** What {@code upgrade} would run. */
		upgrade,

		/** What {@code downgrade} would run. */
		downgrade

	}

	/** upgrade (default) or downgrade. */
	@Parameter(property = "migrate.direction", defaultValue = "upgrade")
	Direction direction;

	/**
	 * The range: for an upgrade {@code start:end} or just the end (default {@code heads}, from base); for a downgrade
	 * {@code from:to} such as {@code head:base}.
	 */
	@Parameter(property = "migrate.target")
	String target;

	/** The file to write (default: {@code target/migrate/upgrade.sql}, or {@code downgrade.sql}). */
	@Parameter(property = "migrate.sqlFile")
	File sqlFile;

	@Override
	protected void run() throws IOException {
		String dialect = dialect();
		String script = switch (this.direction) {
			case upgrade -> migrator(false).upgradeSql((this.target != null) ? this.target : "heads", dialect);
			case downgrade -> migrator(false)
				.downgradeSql(require("migrate.target", this.target, "a range from:to such as head:base"), dialect);
		};
		Path file = (this.sqlFile != null) ? this.sqlFile.toPath()
				: Path.of(this.project.getBuild().getDirectory(), "migrate", this.direction.name() + ".sql");
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, script.endsWith("\n") ? script : script + "\n", StandardCharsets.UTF_8);
		printGenerated(file);
	}

	private String dialect() {
		if (this.dialect != null) {
			return this.dialect;
		}
		String fromUrl = configuration().url().isSet() ? JdbcUrls.dialectOf(configuration().url().value()) : null;
		if (fromUrl == null) {
			throw new ConfigurationException("migrate.dialect", "migrate:sql needs a dialect: pass -Dmigrate.dialect="
					+ "postgresql (or mysql, mariadb, sqlite, sqlserver, h2), or configure a URL");
		}
		return fromUrl;
	}

}
