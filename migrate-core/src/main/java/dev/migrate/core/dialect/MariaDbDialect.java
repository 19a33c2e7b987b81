package dev.migrate.core.dialect;

/**
 * MariaDB: MySQL's dialect under its own name, so scripts can say {@code -- migrate:upgrade mariadb}.
 */
final class MariaDbDialect extends MySqlDialect {

	MariaDbDialect() {
		super(Engine.MARIADB);
	}

}
