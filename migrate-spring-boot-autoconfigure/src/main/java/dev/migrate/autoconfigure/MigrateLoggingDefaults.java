package dev.migrate.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Keeps MariaDB Connector/J from logging every server error at {@code WARN} on its own: its
 * {@code ErrorPacket} logger writes the server's message, which echoes the failing statement's literals (a value
 * in {@code migrate.init-sqls}, say), before migrate can mask them. The same message reaches the caller in the
 * {@code SQLException}, so nothing is lost. Added last, below every property source the application has: setting
 * {@value #LEVEL_PROPERTY} anywhere brings the driver's line back.
 */
final class MigrateLoggingDefaults implements EnvironmentPostProcessor {

	static final String LEVEL_PROPERTY = "logging.level.org.mariadb.jdbc.message.server.ErrorPacket";

	private static final String SOURCE_NAME = "migrateLoggingDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent("org.mariadb.jdbc.Driver", application.getClassLoader())
				|| environment.getPropertySources().contains(SOURCE_NAME)) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(LEVEL_PROPERTY, "error")));
	}

}
