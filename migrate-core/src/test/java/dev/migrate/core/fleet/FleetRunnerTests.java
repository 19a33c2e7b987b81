package dev.migrate.core.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrate.core.MigrationInfo;
import dev.migrate.testsupport.FleetScripts;
import dev.migrate.testsupport.TestTenants;
import dev.migrate.testsupport.TestTenants.Layout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty tenants in one process: a revision that fails for three of them, the other forty-seven migrated, then a
 * rerun after the fix that touches only the three. The layouts whose set-up is cheap run here; the CLI's
 * {@code TenantsIT} runs the same story on every layout (PostgreSQL and MariaDB too), as separate processes.
 */
class FleetRunnerTests {

	private static final List<String> CONFLICTED = List.of("t07", "t23", "t41");

	@TempDir
	Path scripts;

	@ParameterizedTest
	@EnumSource(names = { "SQLITE_DATABASES", "H2_SCHEMAS" })
	void aRevisionFailingForThreeTenantsLeavesTheOthersMigratedAndTheRerunTouchesOnlyThoseThree(Layout layout) {
		try (TestTenants tenants = TestTenants.create(layout, 50)) {
			FleetScripts.writeFirst(this.scripts);
			FleetRunner fleet = FleetRunner.create(FleetTesting.config(tenants, this.scripts).parallelism(4).build());
			FleetResult first = fleet.upgrade("heads");
			assertThat(first.counts().get(TenantState.SUCCEEDED)).as(first.summary()).isEqualTo(50);
			assertThat(fleet.scriptLoadsOfLastRun()).as("scripts read once for 50 tenants").isOne();
			CONFLICTED.forEach((tenant) -> tenants.execute(tenant, FleetScripts.CONFLICT));
			FleetScripts.writeSecond(this.scripts);

			FleetResult second = fleet.upgrade("heads");
			assertThat(names(second.inState(TenantState.FAILED))).containsExactlyElementsOf(CONFLICTED);
			assertThat(second.inState(TenantState.SUCCEEDED)).hasSize(47);
			assertThat(second.anyFailed()).isTrue();
			assertThat(second.inState(TenantState.FAILED))
				.allSatisfy((result) -> assertThat(result.error()).contains("f002").doesNotContain("\n"));
			assertThat(second.summary()).contains("47 succeeded, 3 failed");
			assertThat(fleet.scriptLoadsOfLastRun()).as("the new script read once, by the second run").isOne();
			Map<String, Integer> history = historyRows(fleet);

			CONFLICTED.forEach((tenant) -> tenants.execute(tenant, FleetScripts.FIX));
			FleetResult third = fleet.upgrade("heads");
			assertThat(names(third.inState(TenantState.SUCCEEDED))).containsExactlyElementsOf(CONFLICTED);
			assertThat(third.inState(TenantState.UP_TO_DATE)).hasSize(47);
			assertThat(third.anyFailed()).isFalse();
			Map<String, Integer> after = historyRows(fleet);
			tenants.names()
				.stream()
				.filter((tenant) -> !CONFLICTED.contains(tenant))
				.forEach((tenant) -> assertThat(after.get(tenant)).as(tenant).isEqualTo(history.get(tenant)));
			CONFLICTED.forEach((tenant) -> assertThat(after.get(tenant)).as(tenant).isGreaterThan(history.get(tenant)));
			assertThat(fleet.tenants()).allSatisfy(
					(tenant) -> assertThat(fleet.migrator(tenant).current()).as(tenant.name()).containsExactly("f002"));
			assertThat(tenants.queryLong("t07", "SELECT COUNT(*) FROM item")).isOne();
			assertThat(fleet.status().counts().get(TenantState.UP_TO_DATE)).isEqualTo(50);
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "SQLITE_DATABASES", "H2_SCHEMAS" })
	void anUpToDateTenantIsAnsweredFromItsDigestRowAndAnEditedScriptIsStillCaught(Layout layout) throws Exception {
		try (TestTenants tenants = TestTenants.create(layout, 5)) {
			FleetScripts.writeFirst(this.scripts);
			FleetRunner fleet = FleetRunner.create(FleetTesting.config(tenants, this.scripts).parallelism(2).build());
			assertThat(fleet.upgrade("heads").counts().get(TenantState.SUCCEEDED)).isEqualTo(5);
			// The validated state is recorded per tenant, so the next run's no-op is one statement per tenant.
			assertThat(tenants.names()).allSatisfy((tenant) -> assertThat(
					tenants.queryLong(tenant, "SELECT COUNT(*) FROM \"migrate_version_digest\"")).as(tenant).isOne());
			Map<String, Integer> history = historyRows(fleet);
			FleetResult noOp = fleet.upgrade("heads");
			assertThat(noOp.counts().get(TenantState.UP_TO_DATE)).as(noOp.summary()).isEqualTo(5);
			assertThat(historyRows(fleet)).isEqualTo(history);

			Path first = java.nio.file.Files.list(this.scripts).filter((file) -> file.toString().endsWith(".sql"))
				.sorted().findFirst().orElseThrow();
			java.nio.file.Files.writeString(first, java.nio.file.Files.readString(first) + "\n-- edited after it ran\n");
			FleetResult edited = fleet.upgrade("heads");
			assertThat(edited.inState(TenantState.FAILED)).as(edited.summary()).hasSize(5)
				.allSatisfy((result) -> assertThat(result.error()).contains("checksum"));
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "SQLITE_DATABASES" })
	void aTenantReportRunsTheLatestRunsScriptsWithoutReadingThemAgain(Layout layout) throws Exception {
		try (TestTenants tenants = TestTenants.create(layout, 3)) {
			FleetScripts.writeFirst(this.scripts);
			FleetRunner fleet = FleetRunner.create(FleetTesting.config(tenants, this.scripts).build());
			assertThat(fleet.upgrade("heads").counts().get(TenantState.SUCCEEDED)).isEqualTo(3);
			// A file that cannot be read: a report that read the scripts again would fail on it.
			java.nio.file.Files.writeString(this.scripts.resolve("broken.sql"), "-- Revision ID: f0\n-- Revises: nope\n");
			assertThat(fleet.tenants()).allSatisfy((tenant) -> {
				MigrationInfo info = fleet.migrator(tenant).info();
				assertThat(info.current()).as(tenant.name()).isEqualTo(info.heads());
				assertThat(info.pending()).as(tenant.name()).isEmpty();
			});
			assertThat(fleet.scriptLoadsOfLastRun()).isOne();
			// The next run reads the files, and finds the broken one.
			FleetResult next = fleet.upgrade("heads");
			assertThat(next.inState(TenantState.FAILED)).as(next.summary()).hasSize(3);
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL_SCHEMAS", "MARIADB_DATABASES", "SQLITE_DATABASES", "H2_SCHEMAS" })
	void aTenantWhoseRepeatableScriptChangedIsPendingUntilAnUpgradeRunsIt(Layout layout) throws Exception {
		try (TestTenants tenants = TestTenants.create(layout, 2)) {
			FleetScripts.writeFirst(this.scripts);
			Path view = this.scripts.resolve("R_item_codes.sql");
			java.nio.file.Files.writeString(view, itemCodes("code"));
			FleetRunner fleet = FleetRunner.create(FleetTesting.config(tenants, this.scripts).build());
			assertThat(details(fleet.status(), TenantState.PENDING))
				.containsOnly("at base, 1 pending revision, 1 pending repeatable script (item_codes)");
			assertThat(details(fleet.upgrade("heads"), TenantState.SUCCEEDED))
				.containsOnly("base -> f001 (1 revision), applied 1 repeatable script (item_codes)");
			assertThat(details(fleet.status(), TenantState.UP_TO_DATE)).containsOnly("at f001");

			java.nio.file.Files.writeString(view, itemCodes("id, code"));
			// No revision is pending: the changed script alone makes each tenant pending, and names it.
			FleetResult changed = fleet.status();
			assertThat(details(changed, TenantState.PENDING)).containsOnly("at f001, 1 pending repeatable script "
					+ "(item_codes)");
			assertThat(changed.summary()).endsWith("2 pending");
			FleetResult upgrade = fleet.upgrade("heads");
			assertThat(details(upgrade, TenantState.SUCCEEDED)).containsOnly("at f001, applied 1 repeatable script "
					+ "(item_codes)");
			assertThat(details(fleet.status(), TenantState.UP_TO_DATE)).containsOnly("at f001");
			assertThat(tenants.queryLong("t01", "SELECT COUNT(*) FROM item_codes WHERE id = 1")).isOne();
			assertThat(details(fleet.upgrade("heads"), TenantState.UP_TO_DATE)).containsOnly("at f001");
		}
	}

	// Each tenant's detail, once every tenant is in the state
	private static List<String> details(FleetResult result, TenantState state) {
		assertThat(result.inState(state)).as(result.summary()).hasSameSizeAs(result.tenants());
		return result.tenants().stream().map(TenantResult::detail).toList();
	}

	private static String itemCodes(String columns) {
		return "-- Repeatable: item_codes\n\n-- migrate:upgrade\nDROP VIEW IF EXISTS item_codes;\n"
				+ "CREATE VIEW item_codes AS SELECT " + columns + " FROM item;\n";
	}

	// Every history row a tenant has: a command that touches a tenant adds at least one.
	private static Map<String, Integer> historyRows(FleetRunner fleet) {
		return fleet.tenants()
			.stream()
			.collect(Collectors.toMap(Tenant::name, (tenant) -> fleet.migrator(tenant).appliedHistory(1000).size()));
	}

	static List<String> names(List<TenantResult> results) {
		return results.stream().map((result) -> result.tenant().name()).toList();
	}

}
