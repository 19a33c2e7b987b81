package dev.migrate.jpa;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.migrate.core.ModelSource;

/**
 * JPA entities as the model for autogenerate: the schema Hibernate ORM exports for them, for the dialect of the
 * database they are compared with. Entities come from a package scan or from a {@code persistence.xml}; tables
 * and columns are named as Spring Boot names them by default (snake case, join tables after the owning
 * attribute) unless the properties set Hibernate's naming strategies.
 *
 * <pre>{@code
 * ModelSource model = JpaModel.ofPackages("com.example.shop").modelSource();
 * migrator.autogenerate(NewRevision.of("add phone"), model);
 * }</pre>
 *
 * The DDL is produced once per engine and kept: Hibernate's bootstrap is the expensive part.
 */
public final class JpaModel {

	private final Source source;

	private final Map<String, Object> properties;

	private final ClassLoader classLoader;

	private final Map<String, String> ddlByEngine = new ConcurrentHashMap<>();

	private JpaModel(Source source, Map<String, Object> properties, ClassLoader classLoader) {
		this.source = source;
		this.properties = Map.copyOf(properties);
		this.classLoader = classLoader;
	}

	/**
	 * The entities in these packages and their sub-packages.
	 * @param packages package names, such as {@code com.example.shop}
	 * @return the model
	 */
	public static JpaModel ofPackages(String... packages) {
		return ofPackages(List.of(packages));
	}

	/**
	 * The entities in these packages and their sub-packages.
	 * @param packages package names, such as {@code com.example.shop}
	 * @return the model
	 */
	public static JpaModel ofPackages(List<String> packages) {
		return new JpaModel(new Source.Packages(packages), Map.of(), defaultClassLoader());
	}

	/**
	 * These managed classes (entities, embeddables, mapped superclasses, converters), as a persistence unit
	 * listing them with {@code exclude-unlisted-classes}.
	 * @param classes the classes
	 * @return the model
	 */
	public static JpaModel ofClasses(Class<?>... classes) {
		List<String> names = java.util.Arrays.stream(classes).map(Class::getName).toList();
		return new JpaModel(new Source.Classes(names), Map.of(), classes[0].getClassLoader());
	}

	/**
	 * The classes one persistence unit of a {@code persistence.xml} lists, with its properties.
	 * @param location the {@code persistence.xml}
	 * @param unitName the unit, or {@code null} when the file has one
	 * @return the model
	 */
	public static JpaModel ofPersistenceXml(URL location, String unitName) {
		return new JpaModel(new Source.PersistenceXml(location, unitName), Map.of(), defaultClassLoader());
	}

	/**
	 * @param classLoader the loader that sees the entity classes (and Hibernate)
	 * @return a copy that loads the entities there
	 */
	public JpaModel withClassLoader(ClassLoader classLoader) {
		return new JpaModel(this.source, this.properties, Objects.requireNonNull(classLoader, "classLoader"));
	}

	/**
	 * @param properties Hibernate settings, such as {@code hibernate.physical_naming_strategy} or
	 * {@code hibernate.dialect}, as the application sets them ({@code spring.jpa.properties.*})
	 * @return a copy with these settings added
	 */
	public JpaModel withProperties(Map<String, ?> properties) {
		Map<String, Object> merged = new LinkedHashMap<>(this.properties);
		merged.putAll(properties);
		return new JpaModel(this.source, merged, this.classLoader);
	}

	/**
	 * The schema Hibernate exports for the entities on an engine, without a database.
	 * @param engine {@code postgresql}, {@code mariadb}, {@code mysql}, {@code sqlite}, {@code h2} or
	 * {@code sqlserver}
	 * @return the {@code CREATE} statements, each ending with a semicolon
	 */
	public String ddl(String engine) {
		return this.ddlByEngine.computeIfAbsent(engine, (key) -> HibernateSchema.ddl(key, entities()));
	}

	/**
	 * @return this model for {@code Migrator.autogenerate} and {@code Migrator.compareModel}
	 */
	public ModelSource modelSource() {
		return ModelSource.generated(name(), this::ddl);
	}

	/**
	 * @return what the model is, for messages: {@code jpa:com.example.shop} or the persistence.xml
	 */
	public String name() {
		return this.source.name();
	}

	EntityClasses entities() {
		if (this.source instanceof Source.Packages packages) {
			return EntityClasses.scan(packages.names(), this.properties, this.classLoader);
		}
		if (this.source instanceof Source.Classes classes) {
			return new EntityClasses("classes " + String.join(", ", classes.names()), classes.names(), List.of(),
					this.properties, this.classLoader);
		}
		Source.PersistenceXml xml = (Source.PersistenceXml) this.source;
		return EntityClasses.persistenceXml(xml.location(), xml.unitName(), this.properties, this.classLoader);
	}

	@Override
	public String toString() {
		return "JpaModel[" + name() + "]";
	}

	private static ClassLoader defaultClassLoader() {
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		return (context != null) ? context : JpaModel.class.getClassLoader();
	}

	/**
	 * Where the entities are listed.
	 */
	private sealed interface Source {

		String name();

		record Packages(List<String> names) implements Source {

			public Packages {
				names = List.copyOf(names);
			}

			@Override
			public String name() {
				return "jpa:" + String.join(",", this.names);
			}

		}

		record Classes(List<String> names) implements Source {

			public Classes {
				names = List.copyOf(names);
			}

			@Override
			public String name() {
				return "jpa:" + String.join(",", this.names.stream()
					.map((name) -> name.substring(name.lastIndexOf('.') + 1))
					.toList());
			}

		}

		record PersistenceXml(URL location, String unitName) implements Source {

			public PersistenceXml {
				Objects.requireNonNull(location, "location");
			}

			@Override
			public String name() {
				return "jpa:" + this.location + ((this.unitName != null) ? "#" + this.unitName : "");
			}

		}

	}

}
