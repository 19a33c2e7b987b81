package dev.migrate.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.TenantResult;
import dev.migrate.core.fleet.TenantState;
import org.jspecify.annotations.Nullable;

/**
 * The tenants of an application ({@code migrate.tenants.*}) in {@code /actuator/migrations}: how many ended in
 * each state in the latest run, and one page of the tenants that need attention (failed first, then pending), by
 * name. {@code /actuator/migrations/tenants/{name}} gives one tenant's detail.
 */
public final class TenantsDescriptor {

	private final int total;

	private final Map<String, Integer> counts;

	private final List<TenantDescriptor> attention;

	private final int page;

	private final int size;

	private final int pages;

	TenantsDescriptor(FleetResult result, Paging paging) {
		int page = paging.page();
		int size = paging.size();
		this.total = result.tenants().size();
		this.counts = new LinkedHashMap<>();
		result.counts().forEach((state, count) -> this.counts.put(state.label(), count));
		List<TenantResult> listed = new ArrayList<>(result.inState(TenantState.FAILED));
		listed.addAll(result.inState(TenantState.PENDING));
		this.page = page;
		this.size = size;
		this.pages = (listed.size() + size - 1) / size;
		this.attention = listed.stream().skip((long) page * size).limit(size).map(TenantDescriptor::new).toList();
	}

	/** @return how many tenants this instance migrates (its shard) */
	public int getTotal() {
		return this.total;
	}

	/** @return how many tenants ended in each state of the latest run, by state */
	public Map<String, Integer> getCounts() {
		return this.counts;
	}

	/** @return this page of the failed and pending tenants, failed first */
	public List<TenantDescriptor> getFailedOrPending() {
		return this.attention;
	}

	/** @return the page, from 0 */
	public int getPage() {
		return this.page;
	}

	/** @return the most tenants per page */
	public int getSize() {
		return this.size;
	}

	/** @return how many pages the failed and pending tenants fill */
	public int getPages() {
		return this.pages;
	}

	/**
	 * One tenant as the latest run left it.
	 */
	public static final class TenantDescriptor {

		private final String name;

		private final String state;

		private final @Nullable String detail;

		private final @Nullable String error;

		TenantDescriptor(TenantResult result) {
			this.name = result.tenant().name();
			this.state = result.state().label();
			this.detail = result.detail().isEmpty() ? null : result.detail();
			this.error = result.error();
		}

		public String getName() {
			return this.name;
		}

		public String getState() {
			return this.state;
		}

		public @Nullable String getDetail() {
			return this.detail;
		}

		public @Nullable String getError() {
			return this.error;
		}

	}

}
