package dev.migrate.core.fleet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a fleet command did: one result per tenant, in the fleet's order.
 *
 * @param command the command, such as {@code upgrade}
 * @param tenants the result of each tenant of the shard
 * @param millis the whole run's duration
 */
public record FleetResult(String command, List<TenantResult> tenants, long millis) {

	public FleetResult {
		tenants = List.copyOf(tenants);
	}

	/**
	 * @return how many tenants ended in each state, every state present (zero when none did)
	 */
	public Map<TenantState, Integer> counts() {
		Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
		for (TenantState state : TenantState.values()) {
			counts.put(state, 0);
		}
		this.tenants.forEach((result) -> counts.merge(result.state(), 1, Integer::sum));
		return counts;
	}

	/**
	 * @param state a state
	 * @return the tenants that ended in it, in the fleet's order
	 */
	public List<TenantResult> inState(TenantState state) {
		return this.tenants.stream().filter((result) -> result.state() == state).toList();
	}

	/**
	 * @return whether any tenant failed
	 */
	public boolean anyFailed() {
		return this.tenants.stream().anyMatch((result) -> result.state() == TenantState.FAILED);
	}

	/**
	 * @return one line: {@code upgrade of 50 tenants in 812 ms: 47 succeeded, 3 failed}, naming only the states
	 * some tenant ended in
	 */
	public String summary() {
		String counts = counts().entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map((entry) -> entry.getValue() + " " + entry.getKey().label())
			.collect(Collectors.joining(", "));
		return this.command + " of " + this.tenants.size() + ((this.tenants.size() == 1) ? " tenant" : " tenants")
				+ " in " + this.millis + " ms" + (counts.isEmpty() ? "" : ": " + counts);
	}

}
