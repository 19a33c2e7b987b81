package dev.migrate.core.script;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import dev.migrate.core.graph.Revision;

/**
 * Turns {@link JavaMigration} classes and instances into {@link JavaMigrationScript}s, reading their
 * {@link Migration} annotation (on the class or a superclass, so that proxies and subclasses work).
 */
final class JavaMigrations {

	private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private JavaMigrations() {
	}

	/**
	 * Loads a class found by scanning a location.
	 * @return the script, or {@code null} if the class is not a migration (neither annotated nor a concrete
	 * {@link JavaMigration}) or an instance of it is among the registered ones
	 */
	static JavaMigrationScript fromScannedClass(String className, ClassLoader classLoader,
			List<JavaMigration> registered) {
		Class<?> type;
		try {
			type = Class.forName(className, false, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new ScriptException(className, 0, "cannot load the class from a migrations package: " + ex
					+ "; fix its dependencies or move it out of the package", ex);
		}
		if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
			return null;
		}
		Migration annotation = findAnnotation(type);
		boolean migration = JavaMigration.class.isAssignableFrom(type);
		if (annotation != null && !migration) {
			throw new ScriptException(className, 0, "the class has @Migration but does not implement JavaMigration;"
					+ " implement dev.migrate.core.script.JavaMigration");
		}
		if (!migration || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			return null;
		}
		if (annotation == null) {
			throw new ScriptException(className, 0, "the class implements JavaMigration but has no @Migration"
					+ " annotation; add @Migration(id = \"...\", revises = ...) or move it out of the migrations"
					+ " package");
		}
		for (JavaMigration instance : registered) {
			if (type.isInstance(instance)) {
				// Registered explicitly (a Spring bean, perhaps a proxy or with constructor injection): that one wins.
				return null;
			}
		}
		return fromInstance(instantiate(type.asSubclass(JavaMigration.class)));
	}

	/**
	 * Describes an instance that was scanned or registered explicitly.
	 */
	static JavaMigrationScript fromInstance(JavaMigration migration) {
		String className = migration.getClass().getName();
		Migration annotation = findAnnotation(migration.getClass());
		if (annotation == null) {
			throw new ScriptException(className, 0, "the Java migration has no @Migration annotation; add"
					+ " @Migration(id = \"...\", revises = ...)");
		}
		LocalDateTime createDate = null;
		if (!annotation.createDate().isEmpty()) {
			try {
				createDate = LocalDateTime.parse(annotation.createDate(), CREATE_DATE);
			}
			catch (DateTimeParseException ex) {
				throw new ScriptException(className, 0, "@Migration(createDate = \"" + annotation.createDate()
						+ "\") is not a date; use yyyy-MM-dd HH:mm:ss");
			}
		}
		try {
			Revision revision = new Revision(annotation.id(), Arrays.asList(annotation.revises()),
					new LinkedHashSet<>(Arrays.asList(annotation.branchLabels())),
					Arrays.asList(annotation.dependsOn()), annotation.message(), createDate, className);
			return new JavaMigrationScript(revision, annotation.transactional(), migration);
		}
		catch (IllegalArgumentException ex) {
			throw new ScriptException(className, 0, ex.getMessage() + "; fix its @Migration annotation", ex);
		}
	}

	private static JavaMigration instantiate(Class<? extends JavaMigration> type) {
		try {
			Constructor<? extends JavaMigration> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
		catch (NoSuchMethodException ex) {
			throw new ScriptException(type.getName(), 0, "the Java migration has no constructor without arguments;"
					+ " add one, or register an instance explicitly", ex);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new ScriptException(type.getName(), 0, "cannot create the Java migration: " + cause, cause);
		}
	}

	private static Migration findAnnotation(Class<?> type) {
		for (Class<?> candidate = type; candidate != null && candidate != Object.class;
				candidate = candidate.getSuperclass()) {
			Migration annotation = candidate.getAnnotation(Migration.class);
			if (annotation != null) {
				return annotation;
			}
		}
		return null;
	}

}
