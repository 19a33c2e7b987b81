package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.Migrator;
import dev.migrate.testsupport.FleetScripts;
import dev.migrate.testsupport.TestTenants;
import dev.migrate.testsupport.TestTenants.Layout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty tenants migrated by the CLI jar on every layout: the first upgrade; a revision that fails for three of
 * them, run by three concurrent processes with {@code --shard 0/3..2/3}; the rerun after the fix; a process
 * killed with SIGKILL in the middle of the fleet and the rerun that completes it.
 */
class TenantsIT {

	private static final List<String> CONFLICTED = List.of("t07", "t23", "t41");

	private static final Pattern TENANT_LINE = Pattern.compile("(t\\d\\d): (succeeded|failed|up to date|pending|skipped)\\b.*");

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(Layout.class)
	void fiftyTenantsFailForThreeSplitIntoShardsAndSurviveAKilledProcess(Layout layout) throws Exception {
		try (TestTenants tenants = TestTenants.create(layout, 50, true)) {
			Path migrations = this.directory.resolve("migrations");
			FleetScripts.writeFirst(migrations);
			Files.write(this.directory.resolve("tenants.txt"), tenants.names());
			JarRunner cli = new JarRunner(this.directory);
			List<String> options = options(tenants);

			JarRunner.Result first = cli.run(args(options, "upgrade", "heads"));
			assertThat(first.exitCode()).as(first.toString()).isZero();
			assertThat(states(first)).hasSize(50).allSatisfy((tenant, state) -> assertThat(state).isEqualTo("succeeded"));
			assertThat(first.outLines()).last().asString().endsWith(": 50 succeeded");

			CONFLICTED.forEach((tenant) -> tenants.execute(tenant, FleetScripts.CONFLICT));
			FleetScripts.writeSecond(migrations);
			// H2 changes one schema at a time for the whole database, and its AUTO_SERVER mode stalls processes that
			// change schemas at once: there the three shard processes run one after another.
			boolean concurrent = layout != Layout.H2_SCHEMAS;
			List<CompletableFuture<JarRunner.Result>> shards = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String[] shard = args(options, "upgrade", "heads", "--shard", i + "/3");
				shards.add(CompletableFuture.supplyAsync(() -> cli.run(shard)));
				if (!concurrent) {
					shards.get(i).join();
				}
			}
			Map<String, String> covered = new TreeMap<>();
			StringBuilder outputs = new StringBuilder();
			for (CompletableFuture<JarRunner.Result> shard : shards) {
				JarRunner.Result result = shard.get(120, TimeUnit.SECONDS);
				outputs.append(result);
				Map<String, String> part = states(result);
				assertThat(Collections.disjoint(part.keySet(), covered.keySet())).as("no tenant in two shards").isTrue();
				covered.putAll(part);
				boolean failedHere = part.containsValue("failed");
				assertThat(result.exitCode()).as(result.toString()).isEqualTo(failedHere ? 1 : 0);
			}
			assertThat(covered.keySet()).containsExactlyElementsOf(tenants.names());
			assertThat(covered.entrySet()).as(outputs.toString())
				.filteredOn((entry) -> entry.getValue().equals("failed"))
				.extracting(Map.Entry::getKey)
				.containsExactlyElementsOf(CONFLICTED);

			CONFLICTED.forEach((tenant) -> tenants.execute(tenant, FleetScripts.FIX));
			JarRunner.Result rerun = cli.run(args(options, "upgrade", "heads"));
			assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
			assertThat(rerun.outLines()).last().asString().endsWith(": 3 succeeded, 47 up to date");

			killedMidFleetThenCompleted(tenants, cli, options, migrations);
		}
	}

	// t30's lock is held in this JVM while a process upgrades the fleet one tenant at a time: the process
	// migrates t00..t29, waits on t30 and is killed there; the rerun migrates only what is left.
	private void killedMidFleetThenCompleted(TestTenants tenants, JarRunner cli, List<String> options, Path migrations)
			throws Exception {
		Files.writeString(migrations.resolve("f003_f003.sql"), "-- f003\n--\n-- Revision ID: f003\n-- Revises: f002\n"
				+ "-- Create Date: 2026-12-01 11:00:00\n\n-- migrate:upgrade\nUPDATE item SET code = 'b' WHERE id = 1;\n");
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Migrator t30 = Migrator.create(tenantConfig(tenants, "t30", migrations).toBuilder()
			.listener(new MigrationListener() {
				@Override
				public void beforeStep(CommandKind command, String revision) {
					holding.countDown();
					await(release);
				}
			})
			.build());
		CompletableFuture<?> holder = CompletableFuture.runAsync(() -> t30.upgrade("heads"));
		assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
		Process victim = cli.start(args(options, "upgrade", "heads", "--parallel", "1"));
		Migrator t29 = Migrator.create(tenantConfig(tenants, "t29", migrations));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!t29.current().contains("f003")) {
			assertThat(System.nanoTime()).as("t29 migrated by the victim").isLessThan(deadline);
			assertThat(victim.isAlive()).as("victim still running").isTrue();
			Thread.sleep(50);
		}
		Thread.sleep(300);
		victim.destroyForcibly();
		assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		release.countDown();
		holder.get(60, TimeUnit.SECONDS);

		JarRunner.Result rerun = cli.run(args(options, "upgrade", "heads"));
		assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
		assertThat(rerun.outLines()).last().asString().endsWith(": 19 succeeded, 31 up to date");
		assertThat(tenants.names()).allSatisfy((tenant) -> assertThat(
				Migrator.create(tenantConfig(tenants, tenant, migrations)).current()).containsExactly("f003"));
	}

	private static List<String> options(TestTenants tenants) {
		List<String> options = new ArrayList<>(List.of("--tenants-file", "tenants.txt"));
		if (tenants.main().user() != null) {
			options.addAll(List.of("--user", tenants.main().user()));
		}
		if (tenants.layout().schemas()) {
			options.addAll(List.of("--url", tenants.main().url()));
		}
		else {
			options.addAll(List.of("--tenant-mode", "database", "--url", tenants.urlTemplate()));
		}
		return options;
	}

	private static MigrateConfig tenantConfig(TestTenants tenants, String tenant, Path migrations) {
		MigrateConfig.Builder builder = MigrateConfig.builder()
			.user(tenants.main().user())
			.password(tenants.main().password())
			.locations("filesystem:" + migrations);
		return (tenants.layout().schemas()
				? builder.url(tenants.main().url()).schema(tenant).schemaAsDefault(true)
				: builder.url(tenants.urlTemplate().replace("{tenant}", tenant)))
			.build();
	}

	private static String[] args(List<String> options, String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		args.addAll(options);
		return args.toArray(String[]::new);
	}

	private static Map<String, String> states(JarRunner.Result result) {
		Map<String, String> states = new TreeMap<>();
		for (String line : result.outLines()) {
			Matcher matcher = TENANT_LINE.matcher(line);
			if (matcher.matches()) {
				states.put(matcher.group(1), matcher.group(2));
			}
		}
		return states;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
