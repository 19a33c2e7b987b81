package dev.migrate.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.ValidationResult;

/**
 * {@code migrate:validate}: compares the scripts with what the database applied (checksums, missing scripts) and
 * fails the build listing each problem; changes nothing.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ValidateMojo extends AbstractMigrateMojo {

	@Override
	protected void run() throws MojoFailureException {
		ValidationResult result = migrator(true).validate();
		if (!result.isValid()) {
			throw failure(result.problems());
		}
		print("OK: the scripts match what the database applied");
	}

}
