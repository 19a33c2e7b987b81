package dev.migrate.jpa;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Engine;

/**
 * The Hibernate dialect for each engine migrate supports, the one a Spring Boot application on that database
 * gets.
 */
final class HibernateDialects {

	private HibernateDialects() {
	}

	static String of(String engineName) {
		Engine engine = Engine.fromName(engineName);
		if (engine == null) {
			throw new MigrateException("No Hibernate dialect is known for the engine '" + engineName
					+ "'; use one of " + Engine.ids() + ", or set hibernate.dialect in the JPA model's properties");
		}
		return switch (engine) {
			case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
			case MARIADB -> "org.hibernate.dialect.MariaDBDialect";
			case MYSQL -> "org.hibernate.dialect.MySQLDialect";
			case H2 -> "org.hibernate.dialect.H2Dialect";
			case SQLSERVER -> "org.hibernate.dialect.SQLServerDialect";
			// in hibernate-community-dialects: Hibernate ORM itself has no SQLite dialect
			case SQLITE -> "org.hibernate.community.dialect.SQLiteDialect";
		};
	}

}
