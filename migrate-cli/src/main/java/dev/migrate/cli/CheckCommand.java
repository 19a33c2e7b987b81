package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.ModelSource;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.TenantState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate check}: for CI, exits 1 when the scripts have more than one head or the database has
 * pending revisions.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Fail (exit 1) when there are pending revisions or more than one head.")
final class CheckCommand extends MigratorCommand {

	@Option(names = "--model", paramLabel = "FILE",
			description = "Also fail when the database differs from this schema DDL (what autogenerate would write).")
	Path model;

	@Option(names = "--dev-url", paramLabel = "URL",
			description = "A scratch database to load the model into (required on SQL Server).")
	String devUrl;

	@Mixin
	TenantOptions tenants;

	@Override
	public Integer call() {
		refuseWithTenants(this.tenants, "--model", this.model != null);
		if (this.tenants.isSet()) {
			return checkTenants();
		}
		List<RevisionInfo> heads = migrator(true).heads();
		List<String> problems = new ArrayList<>();
		if (heads.size() > 1) {
			problems.add("The scripts have " + heads.size() + " heads (" + String.join(", ",
					heads.stream().map(RevisionInfo::id).toList()) + "); merge them with 'migrate merge -m \"merge\" heads'");
		}
		List<RevisionInfo> pending = migrator(true).pending("heads");
		if (!pending.isEmpty()) {
			problems.add("The database has " + pending.size() + ((pending.size() == 1) ? " pending revision" : " pending revisions")
					+ " (" + String.join(", ", pending.stream().map(RevisionInfo::id).toList())
					+ "); run 'migrate upgrade heads'");
		}
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
		print("OK: the database is at " + RevisionFormat.rows(current, RevisionFormat.byId(heads))
				+ ", nothing is pending" + ((this.model != null) ? ", and it matches the model " + this.model : ""));
		return ExitCodes.OK;
	}

	// Fails (exit 1) when a tenant has pending revisions or could not be read, as 'check' does for one database.
	private int checkTenants() {
		FleetResult result = fleet(this.tenants).status();
		int code = printFleet(result);
		List<String> pending = result.inState(TenantState.PENDING).stream().map((t) -> t.tenant().name()).toList();
		if (!pending.isEmpty()) {
			err().println("FAILED: " + pending.size() + ((pending.size() == 1) ? " tenant has" : " tenants have")
					+ " pending revisions (" + String.join(", ", pending) + "); run 'migrate upgrade heads' with the same"
					+ " tenant options");
			err().flush();
			return ExitCodes.FAILED;
		}
		return code;
	}

}
