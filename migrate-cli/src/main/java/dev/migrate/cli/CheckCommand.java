package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.ModelSource;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate check}: for CI, exits 1 when the scripts have more than one head or the database has
 * pending revisions.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Fail (exit 1) when there are pending revisions or more than one head.")
final class CheckCommand extends MigratorCommand {

	private static final CheckReport.Fixes FIXES = new CheckReport.Fixes("migrate merge -m \"merge\" heads",
			"migrate upgrade heads");

	@Option(names = "--model", paramLabel = "FILE",
			description = "Also fail when the database differs from this schema DDL (what autogenerate would write).")
	Path model;

	@Option(names = "--dev-url", paramLabel = "URL",
			description = "A scratch database to load the model into (required on SQL Server).")
	String devUrl;

	@Override
	public Integer call() {
		List<RevisionInfo> heads = migrator(true).heads();
		List<String> problems = new ArrayList<>(CheckReport.problems(heads, migrator(true).pending("heads"), FIXES));
		if (this.model != null) {
			var comparison = migrator(true)
				.compareModel(new ModelSource(resolve(this.model), this.devUrl, null, null, List.of()));
			if (comparison.hasChanges()) {
				List<String> differences = new ArrayList<>(
						comparison.changes().stream().map((change) -> change.description()).toList());
				differences.addAll(comparison.notGenerated());
				problems.add("The database differs from the model " + this.model + " in " + differences.size()
						+ ((differences.size() == 1) ? " way" : " ways") + ": " + String.join("; ", differences)
						+ "; run 'migrate revision --autogenerate -m MESSAGE --model " + this.model + "'");
			}
		}
		if (!problems.isEmpty()) {
			problems.forEach((problem) -> err().println("FAILED: " + problem));
			err().flush();
			return ExitCodes.FAILED;
		}
		List<String> current = migrator(true).current();
		print(CheckReport.upToDate(current, heads) + ((this.model != null) ? ", and it matches the model " + this.model : ""));
		return ExitCodes.OK;
	}

}
