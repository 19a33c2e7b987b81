package dev.migrate.core.fleet;

import java.util.List;

import dev.migrate.core.MigrationHealth;

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

	/**
	 * A tenant's state as its health check reads it: {@link TenantState#PENDING} when an upgrade to heads would
	 * run a revision or a repeatable script ({@link MigrationHealth#upgradePending()}, what the single-database
	 * health indicator reports) or a version row is one no script defines (the tenant is ahead of these scripts,
	 * which {@code check} fails on), else {@link TenantState#UP_TO_DATE}.
	 * @param health the tenant's health
	 * @return the outcome; its detail names the version rows, then what is pending, such as
	 * {@code at 3f2a9c1b7e40, 1 pending revision, 1 pending repeatable script (active_accounts)}
	 */
	public static TenantOutcome of(MigrationHealth health) {
		String at = "at " + FleetRunner.rows(health.current());
		if (!health.upgradePending() && health.orphaned().isEmpty()) {
			return new TenantOutcome(TenantState.UP_TO_DATE, at);
		}
		StringBuilder detail = new StringBuilder(at);
		if (health.pending() > 0) {
			detail.append(", ").append(count(health.pending(), "pending revision"));
		}
		if (!health.orphaned().isEmpty()) {
			detail.append(", ").append(names(health.orphaned(), "version row no script defines",
					"version rows no script defines"));
		}
		if (!health.pendingRepeatables().isEmpty()) {
			detail.append(", ").append(names(health.pendingRepeatables(), "pending repeatable script",
					"pending repeatable scripts"));
		}
		return new TenantOutcome(TenantState.PENDING, detail.toString());
	}

	// "2 revisions"
	static String count(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	// "2 pending repeatable scripts (active_accounts, order_totals)"
	static String names(List<String> names, String one, String several) {
		return names.size() + " " + ((names.size() == 1) ? one : several) + " (" + String.join(", ", names) + ")";
	}

}
