package dev.migrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.Migrator;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.FleetRunner;
import dev.migrate.core.fleet.TenantResult;
import dev.migrate.core.fleet.TenantState;
import dev.migrate.core.report.ProgressLine;
import dev.migrate.core.report.RevisionFormat;
import dev.migrate.core.report.Summary;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that work through the {@link Migrator} facade: resolves the settings once, registers
 * their secrets for redaction, and builds the migrator.
 */
abstract class MigratorCommand implements Callable<Integer> {

	@ParentCommand
	MigrateCommand root;

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	private Settings settings;

	private Migrator migrator;

	private Map<String, RevisionInfo> revisions;

	/**
	 * @return the connection options as given, before the command name or after it (which wins)
	 */
	final ConnectionOptions options() {
		return this.connection.orElse(this.root.connection());
	}

	/**
	 * @return the resolved settings
	 */
	final Settings settings() {
		if (this.settings == null) {
			this.settings = new SettingsResolver(this.root.environment())
				.resolve(options());
			this.root.redactor(this.settings.redactor());
		}
		return this.settings;
	}

	/**
	 * @param withDatabase whether the command connects (a URL is then required)
	 * @param listeners listeners to register
	 * @return the migrator (the first one built, on later calls)
	 */
	final Migrator migrator(boolean withDatabase, MigrationListener... listeners) {
		if (this.migrator == null) {
			Settings resolved = settings();
			resolved.requireLocations();
			this.migrator = Migrator.create(resolved.toConfig(withDatabase, List.of(listeners), this::configure));
		}
		return this.migrator;
	}

	/**
	 * Applies the command's own options to the configuration.
	 * @param builder the configuration, with the connection options applied
	 */
	void configure(MigrateConfig.Builder builder) {
	}

	/**
	 * @return every revision by id, newest first (read once)
	 */
	final Map<String, RevisionInfo> revisions() {
		if (this.revisions == null) {
			this.revisions = RevisionFormat.byId(this.migrator.history(null));
		}
		return this.revisions;
	}

	/**
	 * Runs a migration command against the database, printing a line per revision as it goes and a summary after.
	 * @param command what to run, such as {@code (migrator) -> migrator.upgrade(target)}
	 * @return {@link ExitCodes#OK}
	 */
	final int migrate(Function<Migrator, MigrationResult> command) {
		return migrate(command, false);
	}

	/**
	 * Runs a migration command, as {@link #migrate(Function)} does.
	 * @param command what to run
	 * @param toEveryHead whether it is an upgrade to every head: with nothing run (no revision, no repeatable
	 * script), the summary then needs no script read (an up-to-date upgrade with the script index reads none)
	 * @return {@link ExitCodes#OK}
	 */
	final int migrate(Function<Migrator, MigrationResult> command, boolean toEveryHead) {
		MigrationResult result = command.apply(migrator(true, ProgressLine.printer(this::print, this::revisions)));
		boolean nothingRan = result.steps().isEmpty() && result.repeatables().isEmpty();
		print((toEveryHead && nothingRan) ? Summary.upToDate(result) : Summary.of(result, revisions()));
		return ExitCodes.OK;
	}

	/**
	 * @param tenants the tenant options of the command
	 * @return the fleet runner for the tenants, each reached as the options say
	 */
	final FleetRunner fleet(TenantOptions tenants) {
		Settings resolved = settings();
		resolved.requireLocations();
		// The command's own options (--baseline, --lock-timeout, ...) apply to every tenant as to one database.
		return FleetRunner.create(tenants.toFleetConfig(resolved.toConfig(true, List.of(), this::configure), this.spec));
	}

	/**
	 * Prints one line per tenant, in the fleet's order, then the summary; on stderr, the tenants that failed.
	 * @param result what the fleet did
	 * @return {@link ExitCodes#FAILED} when a tenant failed, else {@link ExitCodes#OK}
	 */
	final int printFleet(FleetResult result) {
		result.tenants().forEach((tenant) -> print(tenant.line()));
		print(result.summary());
		if (!result.anyFailed()) {
			return ExitCodes.OK;
		}
		List<TenantResult> failed = result.inState(TenantState.FAILED);
		err().println("FAILED: " + failed.size() + " of " + result.tenants().size() + " tenants ("
				+ String.join(", ", failed.stream().map((tenant) -> tenant.tenant().name()).toList())
				+ "); fix them and run the command again: it runs only for the tenants not done");
		err().flush();
		return ExitCodes.FAILED;
	}

	/**
	 * Refuses an option that does not apply to tenants.
	 * @param tenants the tenant options
	 * @param option the option, such as {@code --sql}
	 * @param given whether the option was given
	 */
	final void refuseWithTenants(TenantOptions tenants, String option, boolean given) {
		if (given && tenants.isSet()) {
			throw new ParameterException(this.spec.commandLine(),
					option + " works on one database; leave out --tenants, --tenants-file and --tenants-query");
		}
	}

	/**
	 * Prints an offline SQL script (the {@code --sql} mode) for the configured dialect, without connecting.
	 * @param script what writes the script from the migrator and the dialect name, such as
	 * {@code (migrator, dialect) -> migrator.upgradeSql(range, dialect)}
	 * @return {@link ExitCodes#OK}
	 */
	final int printSql(BiFunction<Migrator, String, String> script) {
		String dialect = settings().requireDialect("--sql");
		String text = script.apply(migrator(false), dialect);
		out().print(text.endsWith("\n") ? text : text + "\n");
		out().flush();
		return ExitCodes.OK;
	}

	/**
	 * @param path a path option, relative to the working directory or absolute
	 * @return the path resolved against the working directory, normalized
	 */
	final Path resolve(Path path) {
		return this.root.environment().workingDirectory().resolve(path).normalize();
	}

	/**
	 * Prints that a revision script was written, as Alembic does.
	 * @param file the script
	 */
	final void printGenerated(Path file) {
		print("Generating " + file.toAbsolutePath() + " ...  done");
	}

	final PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	final PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

	final void print(List<String> lines) {
		PrintWriter out = out();
		lines.forEach(out::println);
		out.flush();
	}

	final void print(String line) {
		out().println(line);
		out().flush();
	}

}
