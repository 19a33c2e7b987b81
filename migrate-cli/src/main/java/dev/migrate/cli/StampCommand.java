package dev.migrate.cli;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.report.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate stamp TARGET}: sets the version table to the target without running any script.
 */
@Command(name = "stamp", mixinStandardHelpOptions = true,
		description = "Set the version table to a revision without running scripts.")
final class StampCommand extends MigratorCommand {

	@Parameters(index = "0", paramLabel = "TARGET", description = "The revision to record: heads, a revision, base...")
	String target;

	@Option(names = "--purge", description = "Empty the version table first (when it holds unknown ids).")
	boolean purge;

	@Mixin
	TenantOptions tenants;

	@Mixin
	LockOptions lock;

	@Override
	void configure(MigrateConfig.Builder builder) {
		this.lock.applyTo(builder);
	}

	@Override
	public Integer call() {
		if (this.tenants.isSet()) {
			return printFleet(fleet(this.tenants).stamp(this.target, this.purge));
		}
		MigrationResult result = migrator(true).stamp(this.target, this.purge);
		print(Summary.of(result, revisions()));
		return ExitCodes.OK;
	}

}
