package dev.migrate.core.fleet;

/**
 * How a fleet command ended for one tenant.
 *
 * @param tenant the tenant
 * @param state how it ended
 * @param detail the line the command reported (empty when it failed or was skipped)
 * @param error the first line of the error, with JDBC URLs masked, or {@code null} unless {@link #state()} is
 * {@link TenantState#FAILED}
 * @param millis how long the tenant took
 */
public record TenantResult(Tenant tenant, TenantState state, String detail, String error, long millis) {

	/**
	 * @return one line for the tenant: {@code name: state, detail or error}
	 */
	public String line() {
		String text = (this.error != null) ? this.error : this.detail;
		return this.tenant.name() + ": " + this.state.label() + ((text == null || text.isEmpty()) ? "" : ", " + text);
	}

}
