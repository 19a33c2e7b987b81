package dev.migrate.jpa;

import java.io.IOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.hibernate.cfg.MappingSettings;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.SystemPropertyUtils;

import dev.migrate.core.MigrateException;

/**
 * The Hibernate settings a Spring Boot application gives its entities in the {@code application.properties} or
 * {@code application.yml} at the root of its classpath: {@code spring.jpa.hibernate.naming.physical-strategy},
 * {@code .implicit-strategy} and {@code spring.jpa.properties.*}. Read for a model given on the command line or
 * to the Maven plugin, so that it names tables and columns as the running application does. Profiles are not
 * applied: the files' own values are what the model sees.
 */
final class ApplicationJpaProperties {

	private static final String NAMING = "spring.jpa.hibernate.naming.";

	private static final String PASSED_THROUGH = "spring.jpa.properties.";

	private ApplicationJpaProperties() {
	}

	/**
	 * @param classLoader the loader of the application's classes and resources
	 * @return the Hibernate settings, keyed as Hibernate names them
	 */
	static Map<String, Object> read(ClassLoader classLoader) {
		Map<String, Object> settings = new LinkedHashMap<>();
		// As in Spring Boot, application.properties wins over application.yml.
		for (String name : new String[] { "application.yml", "application.yaml", "application.properties" }) {
			URL file = classLoader.getResource(name);
			if (file != null) {
				load(file).forEach((key, value) -> add(settings, (String) key, (String) value, file));
			}
		}
		return settings;
	}

	private static Properties load(URL file) {
		UrlResource resource = new UrlResource(file);
		if (file.getPath().endsWith(".properties")) {
			try {
				return PropertiesLoaderUtils.loadProperties(resource);
			}
			catch (IOException | IllegalArgumentException ex) {
				throw new MigrateException("Could not read " + file + " for the entities' Hibernate settings: "
						+ ex.getMessage(), ex);
			}
		}
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(resource);
		try {
			return yaml.getObject();
		}
		catch (RuntimeException ex) {
			throw new MigrateException("Could not read " + file + " for the entities' Hibernate settings: "
					+ ex.getMessage(), ex);
		}
	}

	private static void add(Map<String, Object> settings, String key, String value, URL file) {
		if (key.startsWith(PASSED_THROUGH)) {
			settings.put(key.substring(PASSED_THROUGH.length()), resolve(key, value, file));
		}
		else if (key.startsWith(NAMING)) {
			// Spring's relaxed binding: physical-strategy, physicalStrategy and physical_strategy are one key.
			String strategy = key.substring(NAMING.length()).replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
			if (strategy.equals("physicalstrategy")) {
				settings.put(MappingSettings.PHYSICAL_NAMING_STRATEGY, resolve(key, value, file));
			}
			else if (strategy.equals("implicitstrategy")) {
				settings.put(MappingSettings.IMPLICIT_NAMING_STRATEGY, resolve(key, value, file));
			}
		}
	}

	// ${NAME} and ${NAME:default} from system properties and environment variables, as the application resolves them.
	private static String resolve(String key, String value, URL file) {
		try {
			return SystemPropertyUtils.resolvePlaceholders(value.trim(), false);
		}
		catch (IllegalArgumentException ex) {
			throw new MigrateException(key + " in " + file + " uses a placeholder that is not set (" + ex.getMessage()
					+ "); set that environment variable where the model is read", ex);
		}
	}

}
