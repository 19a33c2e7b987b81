package dev.migrate.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * The entity packages of a Spring Boot application when none are named: those an {@code @EntityScan} lists, or
 * else the package of the {@code @SpringBootApplication} class and its sub-packages, as Spring Boot scans them.
 * Class files are read without loading them (Spring's ASM-based metadata reader).
 */
final class ApplicationPackages {

	private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

	/** Spring Boot 4's, and Spring Boot 3's. */
	private static final List<String> ENTITY_SCAN = List.of("org.springframework.boot.persistence.autoconfigure.EntityScan",
			"org.springframework.boot.autoconfigure.domain.EntityScan");

	private ApplicationPackages() {
	}

	/**
	 * @param classDirectories compiled classes, such as {@code target/classes}
	 * @param classLoader a loader that sees Spring Boot's annotations (they are skipped where it cannot load them)
	 * @return the packages, empty when no application class is found
	 */
	static List<String> find(List<Path> classDirectories, ClassLoader classLoader) {
		Set<String> scanned = new LinkedHashSet<>();
		Set<String> applications = new LinkedHashSet<>();
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory(classLoader);
		for (Path directory : classDirectories) {
			if (!Files.isDirectory(directory)) {
				continue;
			}
			for (Path file : classFiles(directory)) {
				AnnotationMetadata metadata;
				try {
					metadata = readers.getMetadataReader(new FileSystemResource(file)).getAnnotationMetadata();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				for (String entityScan : ENTITY_SCAN) {
					Map<String, Object> attributes = metadata.getAnnotationAttributes(entityScan, true);
					if (attributes != null) {
						scanned.addAll(packages(attributes));
						if (scanned.isEmpty()) {
							scanned.add(packageOf(metadata.getClassName()));
						}
					}
				}
				if (metadata.hasAnnotation(SPRING_BOOT_APPLICATION)) {
					applications.add(packageOf(metadata.getClassName()));
				}
			}
		}
		return List.copyOf(scanned.isEmpty() ? applications : scanned);
	}

	private static List<Path> classFiles(Path directory) {
		try (var files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".class")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> packages(Map<String, Object> attributes) {
		List<String> packages = new ArrayList<>();
		for (String key : List.of("value", "basePackages")) {
			if (attributes.get(key) instanceof String[] names) {
				packages.addAll(Arrays.asList(names));
			}
		}
		if (attributes.get("basePackageClasses") instanceof String[] classes) {
			Arrays.stream(classes).map(ApplicationPackages::packageOf).forEach(packages::add);
		}
		return packages;
	}

	private static String packageOf(String className) {
		int dot = className.lastIndexOf('.');
		return (dot < 0) ? "" : className.substring(0, dot);
	}

}
