package dev.migrate.autoconfigure.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@code migrations} health indicator.
 */
@ConfigurationProperties("management.health.migrations")
public class MigrationsHealthIndicatorProperties {

	/**
	 * Health status to report while revisions or repeatable scripts are pending.
	 */
	private String pendingStatus = "OUT_OF_SERVICE";

	public String getPendingStatus() {
		return this.pendingStatus;
	}

	public void setPendingStatus(String pendingStatus) {
		this.pendingStatus = pendingStatus;
	}

}
