package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.TenantState;
import dev.migrate.core.report.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/**
 * {@code migrate check}: for CI, exits 1 when the scripts have more than one head, the database has pending
 * revisions or pending repeatable scripts, or an applied script changed since it ran or is missing (what
 * {@code validate} reports).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Fail (exit 1) when there are pending revisions or repeatable scripts, more than one head, "
				+ "or applied scripts that changed or are missing.")
final class CheckCommand extends MigratorCommand {

	private static final CheckReport.Fixes FIXES = new CheckReport.Fixes("migrate merge -m \"merge\" heads",
			"migrate upgrade heads");

	/** With --model, also fail when the database differs from the model (what autogenerate would write). */
	@Mixin
	ModelOptions model = new ModelOptions();

	@Mixin
	TenantOptions tenants;

	@Override
	public Integer call() {
		refuseWithTenants(this.tenants, "--model", this.model.present());
		if (this.tenants.isSet()) {
			return checkTenants();
		}
		List<String> problems = new ArrayList<>(
				CheckReport.problems(migrator(true), FIXES).stream().map(Advice::reword).toList());
		if (this.model.present()) {
			var comparison = migrator(true).compareModel(this.model.source(this::resolve, List.of()));
			if (comparison.hasChanges()) {
				List<String> differences = new ArrayList<>(
						comparison.changes().stream().map((change) -> change.description()).toList());
				differences.addAll(comparison.notGenerated());
				problems.add("The database differs from the model " + this.model.model + " in " + differences.size()
						+ ((differences.size() == 1) ? " way" : " ways") + ": " + String.join("; ", differences)
						+ "; run 'migrate revision --autogenerate -m MESSAGE --model " + this.model.model + "'");
			}
		}
		if (!problems.isEmpty()) {
			problems.forEach((problem) -> err().println("FAILED: " + problem));
			err().flush();
			return ExitCodes.FAILED;
		}
		List<String> current = migrator(true).current();
		print(CheckReport.upToDate(current, migrator(true).heads())
				+ (this.model.present() ? ", and it matches the model " + this.model.model : ""));
		return ExitCodes.OK;
	}

	// Fails (exit 1) when a tenant has pending revisions or repeatable scripts or could not be read, as 'check' does
	// for one database; each tenant's line says what is pending.
	private int checkTenants() {
		FleetResult result = fleet(this.tenants).status();
		int code = printFleet(result);
		List<String> pending = result.inState(TenantState.PENDING).stream().map((t) -> t.tenant().name()).toList();
		if (!pending.isEmpty()) {
			err().println("FAILED: " + pending.size() + ((pending.size() == 1) ? " tenant has" : " tenants have")
					+ " pending revisions or repeatable scripts (" + String.join(", ", pending)
					+ "); run 'migrate upgrade heads' with the same tenant options");
			err().flush();
			return ExitCodes.FAILED;
		}
		return code;
	}

}
