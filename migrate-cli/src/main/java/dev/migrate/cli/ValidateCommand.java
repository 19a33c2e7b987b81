package dev.migrate.cli;

import dev.migrate.core.ValidationResult;
import picocli.CommandLine.Command;

/**
 * {@code migrate validate}: compares the scripts with what the database applied (checksums, missing
 * scripts); exits 1 listing each problem.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Check applied revisions against the scripts (checksums, missing files); changes nothing.")
final class ValidateCommand extends MigratorCommand {

	@Override
	public Integer call() {
		ValidationResult result = migrator(true).validate();
		if (result.isValid()) {
			print("OK: the scripts match what the database applied");
			return ExitCodes.OK;
		}
		result.problems().forEach((problem) -> err().println("FAILED: " + Advice.reword(problem)));
		err().flush();
		return ExitCodes.FAILED;
	}

}
