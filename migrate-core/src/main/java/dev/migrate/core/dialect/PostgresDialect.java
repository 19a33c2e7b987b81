package dev.migrate.core.dialect;

/**
 * PostgreSQL: transactional DDL, double-quoted identifiers.
 */
final class PostgresDialect extends AbstractDialect {

	PostgresDialect() {
		super("postgresql", "PostgreSQL");
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

}
