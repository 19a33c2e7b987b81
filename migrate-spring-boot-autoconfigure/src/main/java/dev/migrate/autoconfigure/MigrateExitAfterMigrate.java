package dev.migrate.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * With {@code migrate.exit-after-migrate=true}, closes the application once it is ready (every startup
 * migration done) and exits the JVM with code 0, so it can run as a Kubernetes Job or init container. A failed
 * migration fails startup instead, which exits with code 1.
 */
final class MigrateExitAfterMigrate implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(MigrateExitAfterMigrate.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		logger.info("Migrate: migrations done and migrate.exit-after-migrate=true; closing the application");
		int exitCode = SpringApplication.exit(event.getApplicationContext());
		System.exit(exitCode);
	}

}
