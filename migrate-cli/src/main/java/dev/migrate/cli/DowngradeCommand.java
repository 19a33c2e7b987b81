package dev.migrate.cli;

import dev.migrate.core.MigrateConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate downgrade TARGET}: reverts revisions down to the target, printing a line per revision and
 * a summary; with {@code --sql}, prints the script for a {@code start:end} range instead of connecting.
 */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = "Revert to a previous revision: -1, base, a revision, label@-1...")
final class DowngradeCommand extends MigratorCommand {

	@Parameters(index = "0", paramLabel = "TARGET",
			description = "The target; with --sql, a range from:to such as head:base.")
	String target;

	@Option(names = "--sql", description = "Print the SQL script (offline mode) instead of running it.")
	boolean sql;

	@Mixin
	TenantOptions tenants;

	@Mixin
	LockOptions lock;

	@Mixin
	TransactionOptions transactions;

	@Override
	void configure(MigrateConfig.Builder builder) {
		this.lock.applyTo(builder);
		this.transactions.applyTo(builder);
	}

	@Override
	public Integer call() {
		refuseWithTenants(this.tenants, "--sql", this.sql);
		if (this.tenants.isSet()) {
			return printFleet(fleet(this.tenants).downgrade(this.target));
		}
		if (this.sql) {
			if (!this.target.contains(":")) {
				throw new ParameterException(this.spec.commandLine(), "downgrade --sql needs a range <from>:<to>, "
						+ "such as head:base or 3f2a9c1b7e40:1975ea83b712; got '" + this.target + "'");
			}
			return printSql((migrator, dialect) -> migrator.downgradeSql(this.target, dialect));
		}
		return migrate((migrator) -> migrator.downgrade(this.target));
	}

}
