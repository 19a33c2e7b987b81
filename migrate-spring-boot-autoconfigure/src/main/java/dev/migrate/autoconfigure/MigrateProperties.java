package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrate.core.fleet.TenantMode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for migrate ({@code migrate.*}): the default engine, which migrates the
 * application's DataSource, and additional named engines.
 */
@ConfigurationProperties("migrate")
public class MigrateProperties extends MigrateEngineProperties {

	/**
	 * Whether to enable migrate.
	 */
	private boolean enabled = true;

	/**
	 * Whether to close the application with exit code 0 once it has started and migrated, for a Kubernetes
	 * Job or init container. A failed migration fails startup, which exits with 1.
	 */
	private boolean exitAfterMigrate;

	/**
	 * Additional engines by name, each migrating another DataSource.
	 */
	private Map<String, Instance> instances = new LinkedHashMap<>();

	/**
	 * Many tenants, migrated at startup instead of the DataSource's database alone.
	 */
	private final Tenants tenants = new Tenants();

	public Tenants getTenants() {
		return this.tenants;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isExitAfterMigrate() {
		return this.exitAfterMigrate;
	}

	public void setExitAfterMigrate(boolean exitAfterMigrate) {
		this.exitAfterMigrate = exitAfterMigrate;
	}

	public Map<String, Instance> getInstances() {
		return this.instances;
	}

	public void setInstances(Map<String, Instance> instances) {
		this.instances = instances;
	}

	/**
	 * An additional engine, created as a bean named {@code <name>Migrator}.
	 */
	public static class Instance extends MigrateEngineProperties {

		/**
		 * Whether to create this engine.
		 */
		private boolean enabled = true;

		/**
		 * Name of the DataSource bean to migrate; alternatively set url.
		 */
		private @Nullable String dataSource;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getDataSource() {
			return this.dataSource;
		}

		public void setDataSource(@Nullable String dataSource) {
			this.dataSource = dataSource;
		}

	}

	/**
	 * Many tenants: each a schema of the DataSource's database, or a database of its own.
	 */
	public static class Tenants {

		/**
		 * Names of the tenants to migrate.
		 */
		private List<String> names = new ArrayList<>();

		/**
		 * Query on the DataSource's database whose first column names the tenants, e.g. 'SELECT name FROM
		 * tenants WHERE active'.
		 */
		private @Nullable String query;

		/**
		 * Where each tenant lives: 'schema' (a schema of the DataSource's database, its default while its scripts
		 * run) or 'database' (a database of its own, reached through url-template).
		 */
		private TenantMode mode = TenantMode.SCHEMA;

		/**
		 * JDBC URL of each tenant's database in database mode, with {tenant} where the name goes; migrate.user
		 * and migrate.password apply.
		 */
		private @Nullable String urlTemplate;

		/**
		 * Most tenants migrated at a time, each holding a connection; 0 for the default (4).
		 */
		private int parallelism;

		/**
		 * Part of the tenants this instance migrates, as 'i/n' (by a hash of the name), for n instances splitting
		 * the fleet.
		 */
		private @Nullable String shard;

		/**
		 * Whether the first failed tenant stops the others from starting and fails startup.
		 */
		private boolean failFast;

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
		}

		public @Nullable String getQuery() {
			return this.query;
		}

		public void setQuery(@Nullable String query) {
			this.query = query;
		}

		public TenantMode getMode() {
			return this.mode;
		}

		public void setMode(TenantMode mode) {
			this.mode = mode;
		}

		public @Nullable String getUrlTemplate() {
			return this.urlTemplate;
		}

		public void setUrlTemplate(@Nullable String urlTemplate) {
			this.urlTemplate = urlTemplate;
		}

		public int getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(int parallelism) {
			this.parallelism = parallelism;
		}

		public @Nullable String getShard() {
			return this.shard;
		}

		public void setShard(@Nullable String shard) {
			this.shard = shard;
		}

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

	}

}
