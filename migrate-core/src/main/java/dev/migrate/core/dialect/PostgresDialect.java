package dev.migrate.core.dialect;

import java.sql.SQLException;

/**
 * PostgreSQL: transactional DDL, double-quoted identifiers.
 */
final class PostgresDialect extends AbstractDialect {

	PostgresDialect() {
		super(Engine.POSTGRESQL);
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public boolean sendsStatementsTogether() {
		return true;
	}

	/**
	 * "Out of shared memory" (53200) in a migration means the lock table is full: a transaction holds a lock on
	 * every table it creates or changes until it ends, which thousands of DDL statements in one transaction exceed.
	 */
	@Override
	public String failureHint(SQLException failure) {
		if (!"53200".equals(failure.getSQLState())) {
			return null;
		}
		return "PostgreSQL ran out of lock table space: one transaction holds a lock on every table it creates "
				+ "or changes until it ends, and the server has room for about max_locks_per_transaction x "
				+ "(max_connections + max_prepared_transactions) of them. Raise max_locks_per_transaction in "
				+ "postgresql.conf (it takes a server restart), or run with transactionPerMigration=true so each "
				+ "revision commits, and releases its locks, on its own";
	}

}
