package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.fleet.FleetConfig;
import dev.migrate.core.fleet.Shard;
import dev.migrate.core.fleet.TenantMode;
import dev.migrate.core.fleet.TenantSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Runs a command for many tenants instead of one database: a {@code @Mixin} of {@code upgrade},
 * {@code downgrade}, {@code stamp}, {@code current}, {@code check} and {@code history}. In schema mode
 * {@code --url} is the database holding every tenant's schema; in database mode it is a template with
 * {@code {tenant}} where each tenant's name goes.
 */
final class TenantOptions {

	/** Exactly one way to name the tenants, or none for a single database. */
	static final class Source {

		@Option(names = "--tenants", paramLabel = "NAME", split = ",",
				description = "Run for these tenants (comma separated) instead of one database.")
		List<String> names;

		@Option(names = "--tenants-file", paramLabel = "FILE",
				description = "Run for the tenants in FILE, one name a line (# starts a comment).")
		Path file;

		@Option(names = "--tenants-query", paramLabel = "SQL",
				description = "Run for the tenants this query returns (first column), e.g. "
						+ "\"SELECT name FROM tenants WHERE active\"; it runs on --url in schema mode, on "
						+ "--tenants-url in database mode.")
		String query;

	}

	@ArgGroup(exclusive = true, multiplicity = "0..1")
	Source source;

	@Option(names = "--tenant-mode", paramLabel = "MODE", defaultValue = "schema",
			converter = TenantModeConverter.class,
			description = "schema (default: each tenant a schema of --url) or database (--url holds {tenant}).")
	TenantMode mode;

	@Option(names = "--tenants-url", paramLabel = "JDBC_URL",
			description = "In database mode, the database --tenants-query runs on.")
	String tenantsUrl;

	@Option(names = "--parallel", paramLabel = "N", defaultValue = "0",
			description = "Tenants migrated at a time, each holding one connection (default: "
					+ FleetConfig.DEFAULT_PARALLELISM + ").")
	int parallel;

	@Option(names = "--shard", paramLabel = "I/N",
			description = "Only the tenants whose name hashes to part I of N, for N processes splitting a fleet, "
					+ "e.g. --shard $JOB_COMPLETION_INDEX/3.")
	String shard;

	@Option(names = "--fail-fast", description = "Stop starting tenants after the first one fails.")
	boolean failFast;

	/**
	 * @return whether the command runs for tenants
	 */
	boolean isSet() {
		return this.source != null;
	}

	/**
	 * Builds the fleet configuration from the single database's one.
	 * @param config the configuration {@code --url} and the other connection options make
	 * @param spec the command, for usage errors
	 * @return the fleet configuration
	 */
	FleetConfig toFleetConfig(MigrateConfig config, CommandSpec spec) {
		TenantSource tenants = (this.source.names != null) ? TenantSource.names(this.source.names)
				: (this.source.file != null) ? TenantSource.file(this.source.file)
						: TenantSource.query(this.source.query);
		MigrateConfig main = config;
		String template = null;
		if (this.mode == TenantMode.DATABASE) {
			template = config.url();
			if (!template.contains(FleetConfig.TENANT_PLACEHOLDER)) {
				throw new ParameterException(spec.commandLine(), "--tenant-mode database needs "
						+ FleetConfig.TENANT_PLACEHOLDER + " in --url where each tenant's name goes, e.g. "
						+ "--url 'jdbc:sqlite:data/{tenant}.db' or --url 'jdbc:postgresql://db/{tenant}'");
			}
			if (this.source.query != null && this.tenantsUrl == null) {
				throw new ParameterException(spec.commandLine(), "--tenants-query in database mode needs "
						+ "--tenants-url, the database that lists the tenants");
			}
			main = config.toBuilder().url(this.tenantsUrl).build();
		}
		else if (config.url().contains(FleetConfig.TENANT_PLACEHOLDER)) {
			throw new ParameterException(spec.commandLine(), "--url holds " + FleetConfig.TENANT_PLACEHOLDER
					+ ", which only database mode fills in; add --tenant-mode database");
		}
		FleetConfig.Builder builder = FleetConfig.builder(main, tenants)
			.mode(this.mode)
			.urlTemplate(template)
			.parallelism(this.parallel)
			.failFast(this.failFast);
		if (this.shard != null) {
			builder.shard(Shard.parse(this.shard));
		}
		return builder.build();
	}

	/** Reads {@code schema} or {@code database}. */
	static final class TenantModeConverter implements picocli.CommandLine.ITypeConverter<TenantMode> {

		@Override
		public TenantMode convert(String value) {
			return switch (value) {
				case "schema" -> TenantMode.SCHEMA;
				case "database" -> TenantMode.DATABASE;
				default -> throw new picocli.CommandLine.TypeConversionException(
						"'" + value + "' is not a tenant mode; use schema or database");
			};
		}

	}

}
