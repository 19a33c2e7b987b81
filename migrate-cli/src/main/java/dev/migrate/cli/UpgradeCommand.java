package dev.migrate.cli;

import dev.migrate.core.MigrateConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate upgrade TARGET}: applies revisions up to the target, printing a line per revision and a
 * summary; with {@code --sql}, prints the script instead of connecting.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = "Upgrade to a later revision: heads, head, +N, a revision, label@head...")
final class UpgradeCommand extends MigratorCommand {

	@Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = "heads",
			description = "The target (default: ${DEFAULT-VALUE}); with --sql, a range start:end.")
	String target;

	@Option(names = "--sql", description = "Print the SQL script (offline mode) instead of running it.")
	boolean sql;

	@Mixin
	TenantOptions tenants;

	@Mixin
	LockOptions lock;

	@Mixin
	TransactionOptions transactions;

	@Option(names = "--no-validate", description = "Do not check applied scripts against their checksums first.")
	boolean noValidate;

	@Option(names = "--baseline", paramLabel = "REVISION",
			description = { "Adopt a database that holds tables but no version table: stamp it at REVISION",
					"(the revision its schema matches), then upgrade from there." })
	String baseline;

	@Override
	void configure(MigrateConfig.Builder builder) {
		this.lock.applyTo(builder);
		this.transactions.applyTo(builder);
		if (this.baseline != null) {
			builder.baselineOnMigrate(true).baselineRevision(this.baseline);
		}
		if (this.noValidate) {
			builder.validateOnMigrate(false);
		}
	}

	@Override
	public Integer call() {
		refuseWithTenants(this.tenants, "--sql", this.sql);
		if (this.sql && this.baseline != null) {
			throw new ParameterException(this.spec.commandLine(), "--baseline adopts a database, and --sql connects to"
					+ " none; stamp the start of the range instead ('migrate upgrade --sql REVISION:heads')");
		}
		if (this.tenants.isSet()) {
			return printFleet(fleet(this.tenants).upgrade(this.target));
		}
		if (this.sql) {
			return printSql((migrator, dialect) -> migrator.upgradeSql(this.target, dialect));
		}
		String target = this.target.strip();
		return migrate((migrator) -> migrator.upgrade(this.target), "heads".equals(target) || "head".equals(target));
	}

}
