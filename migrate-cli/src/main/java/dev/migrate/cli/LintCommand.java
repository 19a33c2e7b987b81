package dev.migrate.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.lint.LintOptions;
import dev.migrate.core.lint.LintReport;
import dev.migrate.core.lint.LintRule;
import dev.migrate.core.lint.Severity;
import dev.migrate.core.script.SqlSyntax;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code migrate lint [RANGE]}: reads the revisions' upgrade statements for the configured engine and reports
 * what would lock, rewrite, fail or break deployed code; exits 1 when an error-severity finding remains. Needs no
 * database: the engine comes from {@code --dialect} or the URL.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
		description = "Report statements that would block reads or writes, fail, or break deployed code"
				+ " (exit 1 on an error).")
final class LintCommand extends MigratorCommand {

	@Parameters(index = "0", arity = "0..1", paramLabel = "RANGE",
			description = "Revisions to lint: [start]:[end] or an end (default: all).")
	String range;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "text (default), json, or github (GitHub Actions annotations).")
	LintReportFormat format;

	@Option(names = "--severity", paramLabel = "CODE=LEVEL",
			description = "Change a rule's severity: error, warning, info or off (repeatable), e.g. ALL01=error.")
	List<String> severities = new ArrayList<>();

	@Option(names = "--downgrades", description = "Also read downgrade sections (destructive by nature).")
	boolean downgrades;

	@Override
	public Integer call() {
		LintOptions options = LintOptions.defaults()
			.withEngine(SqlSyntax.forEngineName(settings().requireDialect("lint")))
			.withDowngrades(this.downgrades);
		for (String setting : this.severities) {
			options = withSeverity(options, setting);
		}
		LintReport report = migrator(false).lint(this.range, options);
		print(this.format.render(report, this::relative));
		return report.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
	}

	/** A file under the working directory as a relative path, as editors and GitHub annotations want it. */
	private String relative(String location) {
		Path working = this.root.environment().workingDirectory().toAbsolutePath().normalize();
		try {
			Path file = Path.of(location);
			return (file.isAbsolute() && file.startsWith(working)) ? working.relativize(file).toString() : location;
		}
		catch (InvalidPathException ex) {
			return location;
		}
	}

	private LintOptions withSeverity(LintOptions options, String setting) {
		int equals = setting.indexOf('=');
		LintRule rule = (equals > 0) ? LintRule.forCode(setting.substring(0, equals)) : null;
		Severity severity = (equals > 0) ? Severity.parse(setting.substring(equals + 1)) : null;
		if (rule == null || severity == null) {
			throw new ParameterException(this.spec.commandLine(), "--severity takes CODE=LEVEL, a rule's code (such as"
					+ " PG01 or ALL01) and error, warning, info or off; got '" + setting + "'");
		}
		return options.withSeverity(rule, severity);
	}

}
