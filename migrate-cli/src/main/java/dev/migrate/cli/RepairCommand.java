package dev.migrate.cli;

import dev.migrate.core.RepairResult;
import picocli.CommandLine.Command;

/**
 * {@code migrate repair}: accepts intentional edits of applied scripts (rewrites their stored checksums) and
 * clears failed runs of which nothing committed, printing each change; exits 1 when a failed run had to be kept.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
		description = { "Accept edited applied scripts (rewrite their stored checksums) and clear failed runs of",
				"which nothing committed. Runs that may have committed part of a revision are kept and",
				"listed with the 'stamp' commands that settle them (exit code 1)." })
final class RepairCommand extends MigratorCommand {

	@Override
	public Integer call() {
		RepairResult result = migrator(true).repair();
		for (RepairResult.ChecksumChange change : result.checksums()) {
			print("Checksum of " + change.revision() + " (" + change.script() + ", applied " + change.appliedAt()
					+ "): " + abbreviate(change.oldChecksum()) + " -> " + abbreviate(change.newChecksum()));
		}
		for (RepairResult.ClearedRun run : result.cleared()) {
			print("Cleared the failed " + run.direction().verb() + " of " + run.revision() + " (history row "
					+ run.historyId() + ", started " + run.startedAt() + "): " + run.reason());
		}
		if (!result.changed()) {
			print("Nothing to repair: the stored checksums match the scripts and no failed run can be cleared");
		}
		result.kept().forEach((kept) -> err().println("KEPT: " + kept));
		err().flush();
		return result.kept().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
	}

	private static String abbreviate(String checksum) {
		return (checksum.length() > 12) ? checksum.substring(0, 12) : checksum;
	}

}
