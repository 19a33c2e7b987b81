package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import org.flywaydb.core.Flyway;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.fleet.FleetConfig;
import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.FleetRunner;
import dev.migrate.core.fleet.TenantMode;
import dev.migrate.core.fleet.TenantSource;

/**
 * Many tenants on PostgreSQL: N schemas x 20 revisions migrated from empty, then the no-op rerun, by migrate's
 * fleet runner and by a loop of Flyway (one {@code Flyway} per schema, as Flyway's documentation suggests), for
 * N = 100, 300 and 1,000 by default. Each size runs the tools interleaved (migrate apply, Flyway apply, migrate
 * no-op, Flyway no-op), each in a database of its own, dropped afterwards. Prints one table.
 *
 * <pre>
 * benchmarks/run-tenants.sh                      sizes 100,300,1000, parallelism 4
 * benchmarks/run-tenants.sh sizes=100 parallel=8
 * benchmarks/run-tenants.sh sizes=100,300,1000 profile   then a JFR recording of migrate at the largest size
 * benchmarks/run-tenants.sh sizes=300 only=migrate        migrate alone, without the Flyway loop
 * </pre>
 *
 * <p>With {@code profile}, after the measured rounds one more migrate apply and no-op of the largest size run
 * (unmeasured) under JFR, and where the tenant threads' samples fall is printed; the recordings stay in
 * {@code benchmarks/target/}.
 */
public final class TenantsBenchmark {

	private static final String SERVER = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");

	private static final String USER = System.getProperty("bench.user", "postgres");

	private static final int REVISIONS = 20;

	private TenantsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = List.of(100, 300, 1000);
		int parallel = FleetConfig.DEFAULT_PARALLELISM;
		boolean profile = false;
		boolean flyway = true;
		for (String arg : String.join(" ", args).split("\\s+")) {
			if (arg.equals("profile")) {
				profile = true;
			}
			else if (arg.equals("only=migrate")) {
				flyway = false;
			}
			if (arg.startsWith("sizes=")) {
				sizes = Arrays.stream(arg.substring(6).split(",")).map(Integer::valueOf).toList();
			}
			else if (arg.startsWith("parallel=")) {
				parallel = Integer.parseInt(arg.substring(9));
			}
		}
		Path work = Files.createTempDirectory("migrate-tenants-bench");
		Path migrateScripts = Files.createDirectories(work.resolve("migrate"));
		Path flywayScripts = Files.createDirectories(work.resolve("flyway"));
		writeScripts(migrateScripts, flywayScripts);
		System.out.printf(Locale.ROOT, "PostgreSQL, %d revisions per tenant, migrate parallelism %d, %d cores%n",
				REVISIONS, parallel, Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "%8s %16s %16s %8s %16s %16s%n", "tenants", "migrate apply s", "Flyway apply s",
				"ratio", "migrate no-op s", "Flyway no-op s");
		Map<Integer, double[]> rows = new LinkedHashMap<>();
		for (int size : sizes) {
			List<String> tenants = IntStream.range(0, size).mapToObj((i) -> String.format("tenant_%04d", i)).toList();
			String migrateDb = "bench_tenants_m_" + size;
			String flywayDb = "bench_tenants_f_" + size;
			createDatabase(migrateDb);
			createDatabase(flywayDb);
			try {
				FleetRunner fleet = fleet(migrateDb, tenants, migrateScripts, parallel);
				double migrateApply = time(() -> check(fleet.upgrade("heads"), size));
				double flywayApply = flyway ? time(() -> flywayLoop(flywayDb, tenants, flywayScripts)) : Double.NaN;
				double migrateNoop = time(() -> check(fleet.upgrade("heads"), 0));
				double flywayNoop = flyway ? time(() -> flywayLoop(flywayDb, tenants, flywayScripts)) : Double.NaN;
				System.out.printf(Locale.ROOT, "%8d %16.2f %16.2f %7.1fx %16.2f %16.2f%n", size, migrateApply,
						flywayApply, flywayApply / migrateApply, migrateNoop, flywayNoop);
				rows.put(size, new double[] { migrateApply, flywayApply, migrateNoop, flywayNoop });
			}
			finally {
				dropDatabase(migrateDb);
				dropDatabase(flywayDb);
			}
		}
		printGrowth(rows);
		if (profile) {
			profile(sizes.get(sizes.size() - 1), migrateScripts, parallel);
		}
	}

	private static FleetRunner fleet(String database, List<String> tenants, Path scripts, int parallel) {
		return FleetRunner.create(FleetConfig
			.builder(MigrateConfig.builder()
				.url(SERVER + database)
				.user(USER)
				.locations("filesystem:" + scripts)
				.build(), TenantSource.names(tenants))
			.mode(TenantMode.SCHEMA)
			.parallelism(parallel)
			.build());
	}

	// How each column grew from the smallest size to each larger one (1.0x would be flat, size ratio linear).
	private static void printGrowth(Map<Integer, double[]> rows) {
		if (rows.size() < 2) {
			return;
		}
		Map.Entry<Integer, double[]> first = rows.entrySet().iterator().next();
		System.out.printf(Locale.ROOT, "growth from %d tenants:%n", first.getKey());
		rows.forEach((size, row) -> {
			if (size.equals(first.getKey())) {
				return;
			}
			double[] base = first.getValue();
			System.out.printf(Locale.ROOT,
					"%8d tenants (%.1fx as many): migrate apply %.1fx, Flyway apply %.1fx, migrate no-op %.1fx, "
							+ "Flyway no-op %.1fx%n",
					size, (double) size / first.getKey(), row[0] / base[0], row[1] / base[1], row[2] / base[2],
					row[3] / base[3]);
		});
	}

	private static void profile(int size, Path scripts, int parallel) throws Exception {
		List<String> tenants = IntStream.range(0, size).mapToObj((i) -> String.format("tenant_%04d", i)).toList();
		String database = "bench_tenants_p_" + size;
		createDatabase(database);
		try {
			FleetRunner fleet = fleet(database, tenants, scripts, parallel);
			record("tenants-apply-" + size, () -> check(fleet.upgrade("heads"), size));
			record("tenants-noop-" + size, () -> check(fleet.upgrade("heads"), 0));
		}
		finally {
			dropDatabase(database);
		}
	}

	private static void record(String name, Runnable action) throws Exception {
		Path file = Path.of("benchmarks", "target", name + ".jfr").toAbsolutePath();
		Files.createDirectories(file.getParent());
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.start();
			double seconds = time(action);
			recording.stop();
			recording.dump(file);
			System.out.printf(Locale.ROOT, "%s: %.2f s under JFR%n", name, seconds);
		}
		Profile.summarize(file, (thread) -> thread.startsWith("migrate-") || thread.equals("main"),
				"the tenant threads and main").forEach(System.out::println);
	}

	private static void check(FleetResult result, int expectedMigrated) {
		if (result.anyFailed() || result.inState(dev.migrate.core.fleet.TenantState.SUCCEEDED).size() != expectedMigrated) {
			throw new IllegalStateException("Unexpected fleet result: " + result.summary());
		}
	}

	private static void flywayLoop(String database, List<String> tenants, Path scripts) {
		for (String tenant : tenants) {
			Flyway.configure()
				.dataSource(SERVER + database, USER, "")
				.schemas(tenant)
				.locations("filesystem:" + scripts)
				.load()
				.migrate();
		}
	}

	private static void writeScripts(Path migrate, Path flyway) throws IOException {
		for (int i = 1; i <= REVISIONS; i++) {
			String sql = "CREATE TABLE t" + i + " (id INT PRIMARY KEY, name VARCHAR(50));\nINSERT INTO t" + i
					+ " (id, name) VALUES (1, 'one');\n";
			String id = String.format("r%03d", i);
			String revises = (i == 1) ? "" : String.format("r%03d", i - 1);
			Files.writeString(migrate.resolve(id + "_t" + i + ".sql"), "-- t" + i + "\n--\n-- Revision ID: " + id
					+ "\n-- Revises: " + revises + "\n-- Create Date: 2026-12-01 10:00:00\n\n-- migrate:upgrade\n" + sql);
			Files.writeString(flyway.resolve("V" + i + "__t" + i + ".sql"), sql);
		}
	}

	private static double time(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return (System.nanoTime() - start) / 1e9;
	}

	private static void createDatabase(String name) throws SQLException {
		dropDatabase(name);
		admin("CREATE DATABASE " + name);
	}

	private static void dropDatabase(String name) throws SQLException {
		admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private static void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
