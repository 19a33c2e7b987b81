package dev.migrate.cli;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.RevisionFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate show REV}: the full header of a revision ({@code current} for the database's).
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the revision(s) a name denotes.")
final class ShowCommand extends MigratorCommand {

	@Parameters(index = "0", paramLabel = "REV",
			description = "A revision id or prefix, head, label@head, or current (the database's revision).")
	String revision;

	@Override
	public Integer call() {
		if ("current".equals(this.revision)) {
			for (String row : migrator(true).current()) {
				show(this.migrator(true).show(row), true);
			}
		}
		else {
			show(migrator(false).show(this.revision), false);
		}
		return ExitCodes.OK;
	}

	private void show(RevisionInfo info, boolean current) {
		print(RevisionFormat.showLines(info, revisions(), current));
	}

}
