package dev.migrate.core.fleet;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import dev.migrate.core.MigrateConfig;
import dev.migrate.testsupport.TestTenants;

/**
 * Builds the fleet configuration of a {@link TestTenants} fleet.
 */
final class FleetTesting {

	private FleetTesting() {
	}

	static FleetConfig.Builder config(TestTenants tenants, Path scripts) {
		return config(tenants, scripts, UnaryOperator.identity());
	}

	/**
	 * @param tenants the fleet
	 * @param scripts the script directory
	 * @param settings the per-run settings every tenant's run is to honour, set on the main configuration
	 * @return the fleet configuration's builder
	 */
	static FleetConfig.Builder config(TestTenants tenants, Path scripts, UnaryOperator<MigrateConfig.Builder> settings) {
		MigrateConfig main = settings.apply(MigrateConfig.builder()
			.url(tenants.main().url())
			.user(tenants.main().user())
			.password(tenants.main().password())
			.locations("filesystem:" + scripts))
			.build();
		FleetConfig.Builder builder = FleetConfig.builder(main, TenantSource.names(tenants.names()));
		return tenants.layout().schemas() ? builder.mode(TenantMode.SCHEMA)
				: builder.mode(TenantMode.DATABASE).urlTemplate(tenants.urlTemplate());
	}

}
