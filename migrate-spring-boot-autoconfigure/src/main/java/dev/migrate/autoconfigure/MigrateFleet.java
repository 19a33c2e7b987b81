package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.migrate.core.Migrator;
import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.FleetRunner;

/**
 * The tenants an application migrates ({@code migrate.tenants.*} or a {@link MigrateTenants} bean): the
 * {@link FleetRunner} and the result of its latest run, which the endpoint, the health indicator and the metrics
 * report. Thread-safe.
 */
public class MigrateFleet {

	private final FleetRunner runner;

	private final @Nullable Migrator replaced;

	private volatile @Nullable FleetResult latest;

	/**
	 * @param runner the fleet runner
	 */
	public MigrateFleet(FleetRunner runner) {
		this(runner, null);
	}

	/**
	 * @param runner the fleet runner
	 * @param replaced the DataSource's migrator, which the tenants are migrated instead of: its database holds or
	 * lists them, and the endpoint, the health indicator and the metrics leave it out
	 */
	public MigrateFleet(FleetRunner runner, @Nullable Migrator replaced) {
		this.runner = runner;
		this.replaced = replaced;
	}

	/**
	 * @param migrator a migrator bean
	 * @return whether it is the DataSource's, which the tenants are migrated instead of
	 */
	public boolean replaces(Migrator migrator) {
		return migrator == this.replaced;
	}

	/**
	 * @return the fleet runner
	 */
	public FleetRunner getRunner() {
		return this.runner;
	}

	/**
	 * Upgrades every tenant and keeps the result.
	 * @param target the target
	 * @return the result
	 */
	public FleetResult upgrade(String target) {
		FleetResult result = this.runner.upgrade(target);
		this.latest = result;
		return result;
	}

	/**
	 * The latest result: the startup run's, or, before any run (as under {@code on-startup=none}), each tenant's
	 * state read now, which is kept.
	 * @return the latest result
	 */
	public FleetResult latest() {
		FleetResult result = this.latest;
		if (result == null) {
			result = this.runner.status();
			this.latest = result;
		}
		return result;
	}

	/**
	 * @return the latest result, or {@code null} when the fleet has not run nor been read
	 */
	public @Nullable FleetResult latestIfAny() {
		return this.latest;
	}

}
