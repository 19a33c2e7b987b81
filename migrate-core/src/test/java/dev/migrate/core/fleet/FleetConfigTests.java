package dev.migrate.core.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where tenants come from, which shard takes which, and what the runner refuses before it connects.
 */
class FleetConfigTests {

	private static final MigrateConfig H2 = MigrateConfig.builder().url("jdbc:h2:mem:fleetconfig;DB_CLOSE_DELAY=-1").build();

	@TempDir
	Path directory;

	@Test
	void threeShardsCoverEveryTenantExactlyOnce() {
		List<Tenant> tenants = IntStream.range(0, 1000).mapToObj((i) -> new Tenant("tenant_" + i)).toList();
		List<Tenant> covered = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Shard shard = Shard.parse(i + "/3");
			List<Tenant> part = tenants.stream().filter(shard::includes).toList();
			assertThat(part.size()).isBetween(250, 420);
			covered.addAll(part);
		}
		assertThat(covered).hasSize(1000).containsExactlyInAnyOrderElementsOf(tenants);
	}

	@Test
	void aShardIsChosenByTheNameAloneSoEveryProcessAgrees() {
		assertThat(Shard.parse("0/3").includes(new Tenant("acme"))).isEqualTo(new Shard(0, 3).includes(new Tenant("acme")));
		// CRC-32 of "acme" is 0x05C4BA3E = 96778814, and 96778814 % 3 == 2.
		assertThat(Shard.parse(" 2 / 3 ").includes(new Tenant("acme"))).isTrue();
	}

	@Test
	void aShardOutsideItsCountIsRefusedWithTheFix() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> Shard.parse("3/3"))
			.withMessage("Shard 3/3 does not exist: use i/n with 0 <= i < n, e.g. 0/3, 1/3 and 2/3 for three processes");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> Shard.parse("first"))
			.withMessage("Shard 'first' is not i/n: use e.g. 0/3, 1/3 and 2/3 for three processes");
	}

	@Test
	void aTenantNameThatIsNotAPlainIdentifierIsRefused() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> new Tenant("acme; DROP TABLE x"))
			.withMessageStartingWith("Tenant name 'acme; DROP TABLE x' is not valid")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("tenants"));
	}

	@Test
	void aTenantsFileSkipsBlankLinesAndCommentsAndNamesTheLineOfABadName() throws IOException {
		Path file = this.directory.resolve("tenants.txt");
		Files.writeString(file, "# active customers\nacme\n\n  globex  \n");
		assertThat(TenantSource.file(file).load(H2)).extracting(Tenant::name).containsExactly("acme", "globex");
		Files.writeString(file, "acme\nglobex\ninit-tech\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> TenantSource.file(file).load(H2))
			.withMessageStartingWith(file + " line 3: Tenant name 'init-tech' is not valid");
	}

	@Test
	void aTenantsQueryRunsOnTheMainDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(H2.url());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE tenants (name VARCHAR(63), active BOOLEAN)");
			statement.execute("INSERT INTO tenants VALUES ('acme', TRUE), ('globex', FALSE), ('initech', TRUE)");
			FleetRunner fleet = FleetRunner.create(FleetConfig
				.builder(H2, TenantSource.query("SELECT name FROM tenants WHERE active ORDER BY name"))
				.build());
			assertThat(fleet.tenants()).extracting(Tenant::name).containsExactly("acme", "initech");
			statement.execute("DROP TABLE tenants");
		}
	}

	@Test
	void aTenantListedTwiceIsRefused() {
		FleetRunner fleet = FleetRunner
			.create(FleetConfig.builder(H2, TenantSource.names(List.of("acme", "globex", "acme"))).build());
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(fleet::tenants)
			.withMessage("Tenant 'acme' is listed twice; name each tenant once");
	}

	@Test
	void databaseModeNeedsAUrlTemplateWithTheTenantPlaceholder() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> FleetConfig.builder(H2, TenantSource.names(List.of("acme")))
				.mode(TenantMode.DATABASE)
				.urlTemplate("jdbc:postgresql://db/acme")
				.build())
			.withMessageStartingWith("Database mode needs a URL template with {tenant}")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("urlTemplate"));
	}

	@Test
	void schemaModeOnSqliteIsRefusedWithDatabaseModeAsTheFix() {
		MigrateConfig sqlite = MigrateConfig.builder().url("jdbc:sqlite:main.db").build();
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> FleetConfig.builder(sqlite, TenantSource.names(List.of("acme"))).build())
			.withMessage("SQLite has no schemas, so schema mode cannot work on it; choose database mode with a URL "
					+ "template such as jdbc:sqlite:data/{tenant}.db");
	}

	@Test
	void parallelismDefaultsToADocumentedNumberAndH2RunsOneSchemaAtATime() {
		MigrateConfig postgres = MigrateConfig.builder().url("jdbc:postgresql://127.0.0.1/db").build();
		assertThat(FleetConfig.builder(postgres, TenantSource.names(List.of("a"))).build().parallelism())
			.isEqualTo(FleetConfig.DEFAULT_PARALLELISM);
		assertThat(FleetConfig.builder(H2, TenantSource.names(List.of("a"))).parallelism(8).build().parallelism())
			.isOne();
	}

	@Test
	void failFastSkipsTheTenantsNotStartedAfterAFailure() {
		FleetRunner fleet = FleetRunner.create(FleetConfig
			.builder(H2, TenantSource.names(List.of("acme", "globex", "initech")))
			.parallelism(1)
			.failFast(true)
			.build());
		FleetResult result = fleet.run("probe", (migrator) -> {
			throw new IllegalStateException("no route to " + migrator.config().schema() + "\nsecond line");
		});
		assertThat(result.tenants()).extracting(TenantResult::line)
			.containsExactly("acme: failed, no route to acme", "globex: skipped", "initech: skipped");
		assertThat(result.summary()).endsWith(": 1 failed, 2 skipped");
	}

	@Test
	void withoutFailFastEveryTenantRunsAndEachHasItsOwnResult() {
		FleetRunner fleet = FleetRunner
			.create(FleetConfig.builder(H2, TenantSource.names(List.of("acme", "globex", "initech"))).build());
		FleetResult result = fleet.run("probe", (migrator) -> {
			if (migrator.config().schema().equals("globex")) {
				throw new IllegalStateException("globex is broken");
			}
			return new TenantOutcome(TenantState.UP_TO_DATE, "at base");
		});
		assertThat(result.tenants()).extracting(TenantResult::line)
			.containsExactly("acme: up to date, at base", "globex: failed, globex is broken",
					"initech: up to date, at base");
		assertThat(result.anyFailed()).isTrue();
	}

}
