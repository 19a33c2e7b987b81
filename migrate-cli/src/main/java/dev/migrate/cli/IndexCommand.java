package dev.migrate.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;

/**
 * {@code migrate index}: writes the script index into each filesystem location, so that an {@code upgrade} with
 * nothing to do reads one file and one database row instead of every script and history row.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
		description = { "Write the script index (_migrate.index) into each filesystem location.",
				"An up-to-date 'upgrade heads' then reads it and one database row instead of every script and",
				"history row; a script edited, added or removed since makes it unused until written again." })
final class IndexCommand extends MigratorCommand {

	@Override
	public Integer call() {
		for (Path file : migrator(false).index()) {
			print("Indexed the scripts into " + file);
		}
		return ExitCodes.OK;
	}

}
