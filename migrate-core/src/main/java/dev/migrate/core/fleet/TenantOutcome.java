package dev.migrate.core.fleet;

/**
 * What a {@link TenantAction} reports for a tenant it ran for without an error.
 *
 * @param state {@link TenantState#SUCCEEDED}, {@link TenantState#UP_TO_DATE} or {@link TenantState#PENDING}
 * @param detail one line for the tenant, such as {@code 3f2a9c1b7e40 -> 9b2e00c1d4aa (2 revisions)}
 */
public record TenantOutcome(TenantState state, String detail) {

	/**
	 * @throws IllegalArgumentException for {@link TenantState#FAILED} or {@link TenantState#SKIPPED}, which only
	 * the runner decides
	 */
	public TenantOutcome {
		if (state == TenantState.FAILED || state == TenantState.SKIPPED) {
			throw new IllegalArgumentException("An action reports success; the runner records " + state);
		}
	}

}
