package dev.migrate.jpa;

import dev.migrate.core.MigrateException;

/**
 * The Hibernate dialect for each engine migrate supports, the one a Spring Boot application on that database
 * gets.
 */
final class HibernateDialects {

	private HibernateDialects() {
	}

	static String of(String engine) {
		return switch (engine) {
			case "postgresql" -> "org.hibernate.dialect.PostgreSQLDialect";
			case "mariadb" -> "org.hibernate.dialect.MariaDBDialect";
			case "mysql" -> "org.hibernate.dialect.MySQLDialect";
			case "h2" -> "org.hibernate.dialect.H2Dialect";
			case "sqlserver" -> "org.hibernate.dialect.SQLServerDialect";
			// in hibernate-community-dialects: Hibernate ORM itself has no SQLite dialect
			case "sqlite" -> "org.hibernate.community.dialect.SQLiteDialect";
			default -> throw new MigrateException("No Hibernate dialect is known for the engine '" + engine
					+ "'; set hibernate.dialect in the JPA model's properties");
		};
	}

}
