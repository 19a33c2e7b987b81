package dev.migrate.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.lint.LintOptions;
import dev.migrate.core.lint.LintReport;
import dev.migrate.core.lint.LintRule;
import dev.migrate.core.lint.Severity;
import dev.migrate.core.report.LintText;
import dev.migrate.core.script.SqlSyntax;

/**
 * {@code migrate:lint}: reads the revisions' statements for the configured engine and fails the build when a
 * statement would block reads or writes on an existing table or fail when it runs (an error-severity finding);
 * warnings are printed. Needs no database: the engine comes from {@code migrate.dialect} or the URL. Bound to
 * {@code verify} when listed in a pom's executions.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
		threadSafe = true)
public final class LintMojo extends AbstractMigrateMojo {

	/** The revisions to lint, {@code start:end} or an end; every revision when unset. */
	@Parameter(property = "migrate.range")
	String range;

	/** Rule severities that replace the defaults, as {@code CODE=LEVEL} (error, warning, info or off). */
	@Parameter(property = "migrate.lint.severities")
	List<String> severities = new ArrayList<>();

	/** Whether to read downgrade sections too. */
	@Parameter(property = "migrate.lint.downgrades", defaultValue = "false")
	boolean downgrades;

	@Override
	protected void run() throws MojoFailureException {
		// Without migrate.dialect the engine comes from the URL (or the DataSource), as the configuration has it.
		LintOptions options = LintOptions.defaults()
			.withEngine((this.dialect != null) ? SqlSyntax.forEngineName(this.dialect) : null)
			.withDowngrades(this.downgrades);
		for (String setting : this.severities) {
			int equals = setting.indexOf('=');
			LintRule rule = (equals > 0) ? LintRule.forCode(setting.substring(0, equals)) : null;
			Severity severity = (equals > 0) ? Severity.parse(setting.substring(equals + 1)) : null;
			if (rule == null || severity == null) {
				throw new MojoFailureException("migrate.lint.severities takes CODE=LEVEL, a rule's code (such as PG01"
						+ " or ALL01) and error, warning, info or off; got '" + setting + "'");
			}
			options = options.withSeverity(rule, severity);
		}
		LintReport report = migrator(false).lint(this.range, options);
		Path base = this.project.getBasedir().toPath().toAbsolutePath();
		print(LintText.lines(report, (location) -> relative(base, location)));
		if (report.hasErrors()) {
			throw new MojoFailureException("migrate:lint found " + report.count(Severity.ERROR) + " error(s): "
					+ LintText.summary(report) + "; rewrite the statements as the findings say, or suppress one with"
					+ " '-- migrate:lint-ignore CODE reason' on the line before it");
		}
	}

	private static String relative(Path base, String location) {
		Path file = Path.of(location);
		return (file.isAbsolute() && file.startsWith(base)) ? base.relativize(file).toString() : location;
	}

}
