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

	@Override
	public boolean lockNeedsSchema() {
		return true;
	}

	@Override
	protected String textType() {
		return "CHARACTER VARYING";
	}

}
