package dev.migrate.core.fleet;

import java.nio.file.Path;

import dev.migrate.core.MigrateConfig;
import dev.migrate.testsupport.TestTenants;

/**
 * Builds the fleet configuration of a {@link TestTenants} fleet.
 */
final class FleetTesting {

	private FleetTesting() {
	}

	static FleetConfig.Builder config(TestTenants tenants, Path scripts) {
		MigrateConfig main = MigrateConfig.builder()
			.url(tenants.main().url())
			.user(tenants.main().user())
			.password(tenants.main().password())
			.locations("filesystem:" + scripts)
			.build();
		FleetConfig.Builder builder = FleetConfig.builder(main, TenantSource.names(tenants.names()));
		return tenants.layout().schemas() ? builder.mode(TenantMode.SCHEMA)
				: builder.mode(TenantMode.DATABASE).urlTemplate(tenants.urlTemplate());
	}

}
