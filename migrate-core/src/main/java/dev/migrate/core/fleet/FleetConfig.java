package dev.migrate.core.fleet;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;

/**
 * Everything a {@link FleetRunner} needs, validated once by {@link Builder#build()}: the main database and the
 * scripts (a {@link MigrateConfig}, from which each tenant's is derived), where the tenants come from, the mode,
 * how many tenants run at a time, the shard and whether a failure stops the fleet. Immutable.
 */
public final class FleetConfig {

	/**
	 * The most tenants migrated at a time when {@code parallelism} is not set: every tenant holds a connection
	 * (two on H2, whose lock is a second session) while it runs, and a few busy connections already keep a
	 * database server's disks and cores occupied.
	 */
	public static final int DEFAULT_PARALLELISM = 4;

	private static final Logger logger = LoggerFactory.getLogger(FleetConfig.class);

	/** What a URL template replaces with the tenant's name. */
	public static final String TENANT_PLACEHOLDER = "{tenant}";

	private final MigrateConfig main;

	private final TenantSource tenants;

	private final TenantMode mode;

	private final String urlTemplate;

	private final int parallelism;

	private final Shard shard;

	private final boolean failFast;

	private FleetConfig(Builder builder, int parallelism) {
		this.main = builder.main;
		this.tenants = builder.tenants;
		this.mode = builder.mode;
		this.urlTemplate = builder.urlTemplate;
		this.parallelism = parallelism;
		this.shard = builder.shard;
		this.failFast = builder.failFast;
	}

	/**
	 * @param main the main database and the scripts; each tenant's configuration is derived from it
	 * @param tenants where the tenants come from
	 * @return a new builder with every other default set
	 */
	public static Builder builder(MigrateConfig main, TenantSource tenants) {
		return new Builder(main, tenants);
	}

	/** @return the main database's configuration, from which each tenant's is derived */
	public MigrateConfig main() {
		return this.main;
	}

	/** @return where the tenants come from */
	public TenantSource tenants() {
		return this.tenants;
	}

	/** @return where each tenant's data lives */
	public TenantMode mode() {
		return this.mode;
	}

	/** @return the JDBC URL template of database mode, or {@code null} in schema mode */
	public String urlTemplate() {
		return this.urlTemplate;
	}

	/** @return the most tenants run at a time (each holding a connection) */
	public int parallelism() {
		return this.parallelism;
	}

	/** @return the part of the fleet this process runs */
	public Shard shard() {
		return this.shard;
	}

	/** @return whether the first failure stops the tenants not started yet */
	public boolean failFast() {
		return this.failFast;
	}

	/**
	 * @param tenant a tenant
	 * @return the tenant's JDBC URL in database mode
	 */
	String urlOf(Tenant tenant) {
		return this.urlTemplate.replace(TENANT_PLACEHOLDER, tenant.name());
	}

	/**
	 * Collects settings; {@link #build()} validates them all at once.
	 */
	public static final class Builder {

		private final MigrateConfig main;

		private final TenantSource tenants;

		private TenantMode mode = TenantMode.SCHEMA;

		private String urlTemplate;

		private int parallelism;

		private Shard shard = Shard.ALL;

		private boolean failFast;

		private Builder(MigrateConfig main, TenantSource tenants) {
			this.main = Objects.requireNonNull(main, "main");
			this.tenants = tenants;
		}

		/** @param mode where each tenant's data lives (default: schema) @return this builder */
		public Builder mode(TenantMode mode) {
			this.mode = Objects.requireNonNull(mode, "mode");
			return this;
		}

		/** @param urlTemplate the JDBC URL with {@code {tenant}}, for database mode @return this builder */
		public Builder urlTemplate(String urlTemplate) {
			this.urlTemplate = urlTemplate;
			return this;
		}

		/**
		 * @param parallelism the most tenants at a time; 0 for {@link #DEFAULT_PARALLELISM}
		 * @return this builder
		 */
		public Builder parallelism(int parallelism) {
			this.parallelism = parallelism;
			return this;
		}

		/** @param shard the part of the fleet to run (default: all) @return this builder */
		public Builder shard(Shard shard) {
			this.shard = Objects.requireNonNull(shard, "shard");
			return this;
		}

		/** @param failFast whether the first failure stops the tenants not started yet @return this builder */
		public Builder failFast(boolean failFast) {
			this.failFast = failFast;
			return this;
		}

		/**
		 * Validates every setting and builds the configuration.
		 * @return the configuration
		 * @throws ConfigurationException naming the first invalid setting and the fix
		 */
		public FleetConfig build() {
			if (this.tenants == null) {
				throw new ConfigurationException("tenants",
						"No tenants are configured; name them with a list, a file or a query on the main database");
			}
			if (this.parallelism < 0) {
				throw new ConfigurationException("parallelism",
						"parallelism must be zero (the default, " + DEFAULT_PARALLELISM + ") or positive, was "
								+ this.parallelism);
			}
			int parallelism = (this.parallelism > 0) ? this.parallelism : DEFAULT_PARALLELISM;
			switch (this.mode) {
				case DATABASE -> {
					if (this.urlTemplate == null || !this.urlTemplate.contains(TENANT_PLACEHOLDER)) {
						throw new ConfigurationException("urlTemplate", "Database mode needs a URL template with "
								+ TENANT_PLACEHOLDER + " where the tenant's name goes, such as "
								+ "jdbc:postgresql://db/{tenant} or jdbc:sqlite:data/{tenant}.db; got "
								+ ((this.urlTemplate != null) ? "'" + JdbcUrls.mask(this.urlTemplate) + "'" : "none"));
					}
				}
				case SCHEMA -> {
					if (this.urlTemplate != null) {
						throw new ConfigurationException("urlTemplate", "A URL template is for database mode; "
								+ "in schema mode every tenant is a schema of the main database, so remove it or "
								+ "choose database mode");
					}
					String engine = JdbcUrls.dialectOf(this.main.url());
					Dialect dialect = (engine != null) ? DialectResolver.byName(engine) : null;
					if (dialect != null && !dialect.supportsSchemas()) {
						throw new ConfigurationException("mode", dialect.displayName() + " has no schemas, so "
								+ "schema mode cannot work on it; choose database mode with a URL template such as "
								+ "jdbc:sqlite:data/{tenant}.db");
					}
					if (dialect != null && !dialect.concurrentSchemaChanges() && parallelism > 1) {
						logger.warn("{} changes one schema at a time (its catalog lock is database-wide): "
								+ "parallelism {} lowered to 1", dialect.displayName(), parallelism);
						parallelism = 1;
					}
				}
			}
			return new FleetConfig(this, parallelism);
		}

	}

}
