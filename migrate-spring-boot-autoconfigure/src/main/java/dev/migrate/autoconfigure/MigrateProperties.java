package dev.migrate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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

}
