package dev.migrate.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.MigrateException;

/**
 * Hibernate's own view of the entities: it builds the mapping metadata for a dialect without opening a
 * connection, and exports the {@code CREATE} statements its schema tool would run, which are the model.
 */
final class HibernateSchema {

	private static final Logger LOGGER = LoggerFactory.getLogger(HibernateSchema.class);

	private HibernateSchema() {
	}

	/**
	 * @param engine the target's engine, which picks the Hibernate dialect (unless {@code hibernate.dialect} is set)
	 * @param unit the entities and settings
	 * @return the DDL statements, each ending with a semicolon, one per line
	 */
	static String ddl(String engine, EntityClasses unit) {
		BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(unit.classLoader())
			.build();
		StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap);
		settings.applySetting(JdbcSettings.DIALECT, HibernateDialects.of(engine));
		// the model comes from the mapping alone: Hibernate must not look for a database to ask for its version
		settings.applySetting(JdbcSettings.ALLOW_METADATA_ON_BOOT, false);
		settings.applySettings(unit.properties());
		try (StandardServiceRegistry registry = settings.build()) {
			Metadata metadata = metadata(registry, unit);
			List<String> commands = new SchemaCreatorImpl(registry).generateCreationCommands(metadata, false);
			warnAboutSequences(metadata, engine, unit);
			StringBuilder ddl = new StringBuilder();
			for (String command : commands) {
				ddl.append(command.strip()).append(";\n");
			}
			return ddl.toString();
		}
		catch (MigrateException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new MigrateException("Hibernate could not map the entities of " + unit.description() + " for "
					+ engine + ": " + rootMessage(ex) + "; fix the mapping (it would fail the same way at startup)", ex);
		}
	}

	/**
	 * Autogenerate compares and creates sequences on PostgreSQL, H2 and MariaDB. Where Hibernate emulates them
	 * with a table seeded by an {@code INSERT} (SQLite, MySQL) or where they are not read (SQL Server), a revision
	 * would leave out what {@code GenerationType.SEQUENCE}/{@code AUTO} ids need, and the application would fail
	 * on its first insert: say so while the model is built.
	 */
	private static void warnAboutSequences(Metadata metadata, String engine, EntityClasses unit) {
		if (!Set.of("sqlite", "mysql", "sqlserver").contains(engine)) {
			return;
		}
		List<String> sequences = new ArrayList<>();
		for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
			for (Sequence sequence : namespace.getSequences()) {
				sequences.add(sequence.getName().getSequenceName().render());
			}
		}
		if (!sequences.isEmpty()) {
			LOGGER.warn("The entities of {} use sequences ({}) that autogenerate does not write on {}: add what"
					+ " Hibernate needs for them to the revision by hand (its seeded table, or CREATE SEQUENCE), or use"
					+ " @GeneratedValue(strategy = GenerationType.IDENTITY)", unit.description(),
					String.join(", ", sequences), engine);
		}
	}

	private static Metadata metadata(StandardServiceRegistry registry, EntityClasses unit) {
		MetadataSources sources = new MetadataSources(registry);
		unit.classNames().forEach(sources::addAnnotatedClassName);
		unit.mappingFiles().forEach(sources::addResource);
		MetadataBuilder builder = sources.getMetadataBuilder();
		Map<String, Object> properties = unit.properties();
		// Spring Boot's defaults, so that the model names tables and columns as the application does
		if (!properties.containsKey(MappingSettings.PHYSICAL_NAMING_STRATEGY)) {
			builder.applyPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());
		}
		if (!properties.containsKey(MappingSettings.IMPLICIT_NAMING_STRATEGY)) {
			builder.applyImplicitNamingStrategy(new SpringImplicitNaming());
		}
		return builder.build();
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause == ex) ? String.valueOf(ex.getMessage())
				: ex.getMessage() + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
	}

}
