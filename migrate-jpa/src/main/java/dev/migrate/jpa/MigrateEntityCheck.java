package dev.migrate.jpa;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import dev.migrate.core.autogen.Comparison;

/**
 * A test assertion that the migrated database matches the JPA entities, stricter than
 * {@code spring.jpa.hibernate.ddl-auto=validate}: it also finds what the database has and the entities do not
 * (a leftover column, a missing index, a nullability or length that differs). In a {@code @SpringBootTest} or
 * {@code @DataJpaTest}:
 *
 * <pre>{@code
 * @Test
 * void databaseMatchesEntities(@Autowired DataSource dataSource) {
 *     MigrateEntityCheck.assertMatches(dataSource, "com.example.shop");
 * }
 * }</pre>
 *
 * On a difference it fails with each difference and the SQL that would fix it, which
 * {@code migrate revision --autogenerate} writes into a revision.
 */
public final class MigrateEntityCheck {

	private MigrateEntityCheck() {
	}

	/**
	 * Fails unless the database has the schema Hibernate maps the entities of these packages to.
	 * @param dataSource the migrated database
	 * @param packages the packages holding the entities (and their sub-packages)
	 * @throws AssertionError listing the differences and the SQL that would fix them
	 */
	public static void assertMatches(DataSource dataSource, String... packages) {
		assertMatches(dataSource, JpaModel.ofPackages(packages));
	}

	/**
	 * Fails unless the database has the schema Hibernate maps the model's entities to.
	 * @param dataSource the migrated database
	 * @param model the entities
	 * @throws AssertionError listing the differences and the SQL that would fix them
	 */
	public static void assertMatches(DataSource dataSource, JpaModel model) {
		Comparison comparison = Migrator.create(MigrateConfig.builder().dataSource(dataSource).build())
			.compareModel(model.modelSource());
		if (comparison.hasChanges()) {
			throw new AssertionError(describe(comparison, model.name()));
		}
	}

	static String describe(Comparison comparison, String model) {
		List<String> differences = new ArrayList<>();
		comparison.changes().forEach((change) -> differences.add(change.description()));
		differences.addAll(comparison.notGenerated());
		StringBuilder message = new StringBuilder("The database differs from the entities (" + model + ") in "
				+ differences.size() + ((differences.size() == 1) ? " way" : " ways") + ":\n");
		differences.forEach((difference) -> message.append("  ").append(difference).append('\n'));
		message.append("SQL that would make it match (write it as a revision with"
				+ " 'migrate revision --autogenerate'):\n");
		comparison.upgradeSql().forEach((sql) -> message.append("  ").append(sql).append(";\n"));
		return message.toString();
	}

}
