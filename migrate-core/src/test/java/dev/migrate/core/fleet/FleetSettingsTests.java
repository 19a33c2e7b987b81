package dev.migrate.core.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.Migrator;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.FleetScripts;
import dev.migrate.testsupport.TestDatabases;
import dev.migrate.testsupport.TestTenants;
import dev.migrate.testsupport.TestTenants.Layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fleet honours every per-run setting a single run honours: each tenant's configuration is the main one with
 * the tenant's schema or URL, so the table names, the transaction mode, the validation, both lock timeouts,
 * schema creation and the listeners apply to every tenant. One test per setting, each showing the setting's
 * effect on the tenants' databases.
 */
class FleetSettingsTests {

	@TempDir
	Path scripts;

	@Test
	void versionAndHistoryTableNamesApplyToEveryTenant() {
		try (TestTenants tenants = TestTenants.create(Layout.SQLITE_DATABASES, 6)) {
			FleetScripts.writeFirst(this.scripts);
			FleetRunner fleet = FleetRunner.create(FleetTesting
				.config(tenants, this.scripts, (main) -> main.versionTable("app_version").historyTable("app_history"))
				.build());

			FleetResult result = fleet.upgrade("heads");

			assertThat(result.inState(TenantState.SUCCEEDED)).as(result.summary()).hasSize(6);
			assertThat(tenants.names()).allSatisfy((tenant) -> {
				assertThat(tenants.queryLong(tenant, "SELECT COUNT(*) FROM app_version WHERE version_num = 'f001'"))
					.as(tenant)
					.isOne();
				assertThat(tenants.queryLong(tenant, "SELECT COUNT(*) FROM app_history")).as(tenant).isPositive();
				assertThat(tenants.queryLong(tenant,
						"SELECT COUNT(*) FROM sqlite_master WHERE name IN ('migrate_version', 'migrate_history')"))
					.as(tenant)
					.isZero();
			});
			assertThat(fleet.status().inState(TenantState.UP_TO_DATE)).hasSize(6);
		}
	}

	// t02 has an index named item_code already, so f002 fails there after f001 ran in the same upgrade.
	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void transactionModeDecidesWhatAFailedTenantKeeps(boolean transactionPerMigration) {
		try (TestTenants tenants = TestTenants.create(Layout.SQLITE_DATABASES, 4)) {
			FleetScripts.writeFirst(this.scripts);
			FleetScripts.writeSecond(this.scripts);
			tenants.execute("t02", "CREATE TABLE other (code VARCHAR(20))");
			tenants.execute("t02", "CREATE INDEX item_code ON other (code)");
			FleetRunner fleet = FleetRunner.create(FleetTesting
				.config(tenants, this.scripts, (main) -> main.transactionPerMigration(transactionPerMigration))
				.build());

			FleetResult result = fleet.upgrade("heads");

			assertThat(FleetRunnerTests.names(result.inState(TenantState.FAILED))).containsExactly("t02");
			assertThat(result.inState(TenantState.SUCCEEDED)).hasSize(3);
			Migrator failed = fleet.migrator(new Tenant("t02"));
			if (transactionPerMigration) {
				assertThat(failed.current()).containsExactly("f001");
				assertThat(tenants.queryLong("t02", "SELECT COUNT(*) FROM item")).isOne();
			}
			else {
				assertThat(failed.current()).isEmpty();
				assertThat(tenants.queryLong("t02", "SELECT COUNT(*) FROM sqlite_master WHERE name = 'item'")).isZero();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void validationBeforeTheUpgradeCatchesAnEditedScriptOnEveryTenantUnlessTurnedOff(boolean validateOnMigrate)
			throws IOException {
		try (TestTenants tenants = TestTenants.create(Layout.SQLITE_DATABASES, 5)) {
			FleetScripts.writeFirst(this.scripts);
			FleetRunner fleet = FleetRunner.create(FleetTesting
				.config(tenants, this.scripts, (main) -> main.validateOnMigrate(validateOnMigrate))
				.build());
			assertThat(fleet.upgrade("heads").inState(TenantState.SUCCEEDED)).hasSize(5);
			Path first = this.scripts.resolve("f001_f001.sql");
			Files.writeString(first, Files.readString(first).replace("VALUES (1, 'a')", "VALUES (1, 'b')"));
			FleetScripts.writeSecond(this.scripts);

			FleetResult result = fleet.upgrade("heads");

			if (validateOnMigrate) {
				assertThat(result.inState(TenantState.FAILED)).hasSize(5)
					.allSatisfy((tenant) -> assertThat(tenant.error()).startsWith("Validation failed before the upgrade")
						.contains("f001"));
				assertThat(fleet.migrator(new Tenant("t00")).current()).containsExactly("f001");
			}
			else {
				assertThat(result.inState(TenantState.SUCCEEDED)).hasSize(5);
			}
		}
	}

	@Test
	void everyListenerHearsEveryTenantsStepsAndRuns() {
		try (TestTenants tenants = TestTenants.create(Layout.SQLITE_DATABASES, 6)) {
			FleetScripts.writeFirst(this.scripts);
			FleetScripts.writeSecond(this.scripts);
			Map<String, Integer> steps = new ConcurrentHashMap<>();
			AtomicInteger runs = new AtomicInteger();
			MigrationListener listener = new MigrationListener() {
				@Override
				public void beforeStep(CommandKind command, String revision) {
					steps.merge(command.verb() + " " + revision, 1, Integer::sum);
				}

				@Override
				public void afterRun(MigrationResult result) {
					runs.incrementAndGet();
				}
			};
			FleetRunner fleet = FleetRunner
				.create(FleetTesting.config(tenants, this.scripts, (main) -> main.listener(listener)).build());

			fleet.upgrade("heads");

			assertThat(steps).containsExactlyInAnyOrderEntriesOf(Map.of("upgrade f001", 6, "upgrade f002", 6));
			assertThat(runs).hasValue(6);
		}
	}

	// t01's lock is held by another migrator, paused before its first step; the fleet waits one second for it.
	@Test
	void lockTimeoutFailsOnlyTheTenantWhoseLockIsHeldElsewhere() throws Exception {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not running");
		try (TestTenants tenants = TestTenants.create(Layout.POSTGRESQL_SCHEMAS, 4)) {
			FleetScripts.writeFirst(this.scripts);
			FleetRunner fleet = FleetRunner
				.create(FleetTesting.config(tenants, this.scripts, (main) -> main.lockTimeout(Duration.ofSeconds(1)))
					.build());
			CountDownLatch holding = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Migrator holder = Migrator.create(fleet.config()
				.main()
				.toBuilder()
				.schema("t01")
				.schemaAsDefault(true)
				.listener(new MigrationListener() {
					@Override
					public void beforeStep(CommandKind command, String revision) {
						holding.countDown();
						await(release);
					}
				})
				.build());
			CompletableFuture<?> held = CompletableFuture.runAsync(() -> holder.upgrade("heads"));
			try {
				assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

				FleetResult result = fleet.upgrade("heads");

				assertThat(FleetRunnerTests.names(result.inState(TenantState.FAILED))).containsExactly("t01");
				assertThat(result.inState(TenantState.FAILED).get(0).error())
					.startsWith("Timed out after 1 s waiting for the migration lock")
					.contains("raise lockTimeout");
				assertThat(FleetRunnerTests.names(result.inState(TenantState.SUCCEEDED))).containsExactly("t00", "t02",
						"t03");
			}
			finally {
				release.countDown();
				held.get(30, TimeUnit.SECONDS);
			}
		}
	}

	// A session reading t01.item in an open transaction blocks f002's CREATE INDEX there; the fleet waits 200 ms.
	@Test
	void ddlLockTimeoutAndRetriesApplyToEveryTenant() throws Exception {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not running");
		try (TestTenants tenants = TestTenants.create(Layout.POSTGRESQL_SCHEMAS, 4)) {
			FleetScripts.writeFirst(this.scripts);
			FleetRunner fleet = FleetRunner.create(FleetTesting
				.config(tenants, this.scripts,
						(main) -> main.ddlLockTimeout(Duration.ofMillis(200)).ddlLockRetries(1))
				.build());
			assertThat(fleet.upgrade("heads").inState(TenantState.SUCCEEDED)).hasSize(4);
			FleetScripts.writeSecond(this.scripts);
			try (Connection blocker = tenants.connect("t01")) {
				blocker.setAutoCommit(false);
				try (Statement statement = blocker.createStatement()) {
					statement.execute("LOCK TABLE item IN ROW EXCLUSIVE MODE");
				}

				FleetResult result = fleet.upgrade("heads");

				assertThat(FleetRunnerTests.names(result.inState(TenantState.FAILED))).containsExactly("t01");
				assertThat(result.inState(TenantState.FAILED).get(0).error())
					.contains("Every attempt (2) waited longer than ddlLockTimeout (200 ms) for a lock");
				assertThat(result.inState(TenantState.SUCCEEDED)).hasSize(3);
				blocker.rollback();
			}
			assertThat(fleet.upgrade("heads").inState(TenantState.SUCCEEDED)).extracting((r) -> r.tenant().name())
				.containsExactly("t01");
		}
	}

	@Test
	void withoutCreateSchemasAMissingTenantSchemaFailsThatTenantAlone() throws SQLException {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not running");
		try (TestTenants tenants = TestTenants.create(Layout.POSTGRESQL_SCHEMAS, 4)) {
			FleetScripts.writeFirst(this.scripts);
			List.of("t00", "t01", "t03").forEach((tenant) -> tenants.main().execute("CREATE SCHEMA " + tenant));
			FleetRunner fleet = FleetRunner
				.create(FleetTesting.config(tenants, this.scripts, (main) -> main.createSchemas(false)).build());

			FleetResult result = fleet.upgrade("heads");

			assertThat(FleetRunnerTests.names(result.inState(TenantState.FAILED))).containsExactly("t02");
			assertThat(result.inState(TenantState.FAILED).get(0).error()).contains("t02");
			assertThat(result.inState(TenantState.SUCCEEDED)).hasSize(3);
			assertThat(schemaExists(tenants, "t02")).isFalse();
		}
	}

	// Twelve tenants through a DataSource that counts the connections open at once.
	@Test
	void neverHoldsMoreConnectionsThanItsParallelism() throws Exception {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not running");
		try (TestTenants tenants = TestTenants.create(Layout.POSTGRESQL_SCHEMAS, 12)) {
			FleetScripts.writeFirst(this.scripts);
			CountingDataSource counting = new CountingDataSource(tenants.main().dataSource());
			FleetRunner fleet = FleetRunner.create(FleetTesting
				.config(tenants, this.scripts, (main) -> main.url(null).dataSource(counting))
				.parallelism(3)
				.build());

			FleetResult result = fleet.upgrade("heads");

			assertThat(result.inState(TenantState.SUCCEEDED)).as(result.summary()).hasSize(12);
			assertThat(counting.opened()).isGreaterThanOrEqualTo(12);
			assertThat(counting.mostAtOnce()).isBetween(1, 3);
		}
	}

	private static boolean schemaExists(TestTenants tenants, String schema) throws SQLException {
		try (Connection connection = tenants.main().connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'")) {
			return result.next();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A DataSource that counts its open connections.
	 */
	static final class CountingDataSource implements DataSource {

		private final DataSource target;

		private final AtomicInteger open = new AtomicInteger();

		private final AtomicInteger opened = new AtomicInteger();

		private final AtomicInteger most = new AtomicInteger();

		CountingDataSource(DataSource target) {
			this.target = target;
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = this.target.getConnection();
			this.opened.incrementAndGet();
			this.most.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close") && !connection.isClosed()) {
							this.open.decrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			throw new SQLFeatureNotSupportedException("the fleet uses getConnection()");
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

		int opened() {
			return this.opened.get();
		}

		int mostAtOnce() {
			return this.most.get();
		}

	}

}
