package dev.migrate.core.fleet;

/**
 * How a command ended for one tenant.
 */
public enum TenantState {

	/** The command changed the tenant (revisions or repeatable scripts ran, or the version table was stamped). */
	SUCCEEDED("succeeded"),

	/** Nothing to do: the tenant was already at the target (or, for a read, at its heads). */
	UP_TO_DATE("up to date"),

	/** A read found what an upgrade to heads would run (revisions, repeatable scripts new or changed since they
	 * ran), or a version row no script defines. */
	PENDING("pending"),

	/** The command failed for this tenant; the others went on unless fail-fast was set. */
	FAILED("failed"),

	/** Not run: fail-fast stopped the fleet after another tenant failed. */
	SKIPPED("skipped");

	private final String label;

	TenantState(String label) {
		this.label = label;
	}

	/**
	 * @return how summaries name the state, such as {@code up to date}
	 */
	public String label() {
		return this.label;
	}

}
