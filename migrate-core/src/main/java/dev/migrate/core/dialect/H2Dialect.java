package dev.migrate.core.dialect;

/**
 * H2: DDL commits the current transaction, so it counts as non-transactional; double-quoted identifiers.
 */
final class H2Dialect extends AbstractDialect {

	H2Dialect() {
		super(Engine.H2);
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	// Each DDL statement locks H2's catalog (table SYS) until its commit, for the whole database, so schema
	// changes in several schemas at once wait on each other and time out after LOCK_TIMEOUT (1 s by default).
	@Override
	public boolean concurrentSchemaChanges() {
		return false;
	}

	@Override
	public boolean lockNeedsSchema() {
		return true;
	}

	@Override
	protected String textType() {
		return "CHARACTER VARYING";
	}

}
