package dev.migrate.jpa;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;
import org.hibernate.jpa.boot.spi.PersistenceXmlParser;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;

import dev.migrate.core.MigrateException;

/**
 * The managed classes of a persistence unit, with its mapping files and Hibernate settings.
 *
 * @param description where they came from, for messages ({@code packages com.example.shop})
 * @param classNames the entity, embeddable, mapped superclass and converter classes
 * @param mappingFiles {@code orm.xml} mapping files
 * @param properties Hibernate settings of the unit
 * @param classLoader the loader that sees the classes
 */
record EntityClasses(String description, List<String> classNames, List<String> mappingFiles,
		Map<String, Object> properties, ClassLoader classLoader) {

	EntityClasses {
		classNames = List.copyOf(classNames);
		mappingFiles = List.copyOf(mappingFiles);
		properties = Map.copyOf(properties);
	}

	/**
	 * Scans packages (and their sub-packages) for managed classes, as Spring Boot's {@code @EntityScan} does.
	 */
	static EntityClasses scan(List<String> packages, Map<String, Object> properties, ClassLoader classLoader) {
		if (packages.isEmpty()) {
			throw new MigrateException("No entity package is given; name the packages that hold the @Entity classes");
		}
		PersistenceManagedTypes types = new PersistenceManagedTypesScanner(new DefaultResourceLoader(classLoader))
			.scan(packages.toArray(String[]::new));
		String description = "packages " + String.join(", ", packages);
		if (types.getManagedClassNames().isEmpty()) {
			throw new MigrateException("No @Entity class was found in " + description
					+ "; check the package names and that the compiled classes are on the classpath");
		}
		return new EntityClasses(description, types.getManagedClassNames(), List.of(), properties, classLoader);
	}

	/**
	 * The classes a {@code persistence.xml} lists for one unit (or its only unit), with the unit's properties.
	 */
	static EntityClasses persistenceXml(URL location, String unitName, Map<String, Object> properties,
			ClassLoader classLoader) {
		Map<String, PersistenceUnitDescriptor> units = PersistenceXmlParser.create(Map.of(), classLoader, null)
			.parse(List.of(location));
		PersistenceUnitDescriptor unit;
		if (unitName != null) {
			unit = units.get(unitName);
			if (unit == null) {
				throw new MigrateException("The persistence.xml " + location + " has no persistence unit '" + unitName
						+ "'; it has " + units.keySet());
			}
		}
		else if (units.size() == 1) {
			unit = units.values().iterator().next();
		}
		else {
			throw new MigrateException("The persistence.xml " + location + " has " + units.size()
					+ " persistence units " + units.keySet() + "; name the one to use");
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		unit.getProperties().forEach((key, value) -> {
			String name = key.toString();
			// connection settings are for the running application; the model needs none
			if (!name.contains(".jdbc.") && !name.contains("connection.")) {
				settings.put(name, value);
			}
		});
		settings.putAll(properties);
		List<String> classes = new ArrayList<>(unit.getManagedClassNames());
		return new EntityClasses("persistence unit " + unit.getName() + " (" + location + ")", classes,
				unit.getMappingFileNames(), settings, classLoader);
	}

}
