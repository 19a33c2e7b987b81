package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;

/**
 * What one {@code /actuator/health} answer costs, call by call, on SQLite databases holding different numbers of
 * applied revisions, each behind a Hikari pool with Spring Boot's settings (Hikari's defaults), in one JVM:
 * the calls the health endpoint's indicators make ({@code Migrator.health()}; the DataSource indicator's product
 * name and {@code isValid}) and the same statements by plain JDBC. Every step runs in blocks of calls on every size
 * in turn, the order rotating, and its cost is the calling thread's CPU per call; the median over the rounds is
 * printed. {@code java -cp CLASSPATH dev.migrate.benchmarks.HealthPathProbe SIZES [ROUNDS] [CALLS] [THREADS] [STEPS]}
 * (threads at once, each on its own pooled connection, as the web server's request threads; steps by name,
 * comma-separated; sizes
 * comma-separated; the databases are set up once under {@code benchmarks/target/health-probe/}); never part of the
 * build.
 */
public final class HealthPathProbe {

	private HealthPathProbe() {
	}

	/**
	 * @param args the sizes, then the rounds and the calls per block
	 * @throws Exception if a database fails
	 */
	public static void main(String[] args) throws Exception {
		List<Integer> sizes = Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList();
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		int calls = (args.length > 2) ? Integer.parseInt(args[2]) : 2000;
		int threads = (args.length > 3) ? Integer.parseInt(args[3]) : 1;
		List<String> only = (args.length > 4) ? List.of(args[4].split(",")) : List.of();
		Path root = Path.of("benchmarks", "target", "health-probe");
		Files.createDirectories(root);
		Map<Integer, Subject> subjects = new TreeMap<>();
		try {
			for (int size : sizes) {
				subjects.put(size, Subject.open(root, size));
			}
			Map<String, Map<Integer, List<Double>>> results = new LinkedHashMap<>();
			for (int round = 0; round < rounds; round++) {
				List<Integer> order = Harness.rotate(sizes, round + 1);
				for (Map.Entry<String, Step> step : steps().entrySet()) {
					if (!only.isEmpty() && !only.contains(step.getKey())) {
						continue;
					}
					for (int size : order) {
						long cpu = block(step.getValue(), subjects.get(size), calls, threads);
						results.computeIfAbsent(step.getKey(), (k) -> new TreeMap<>())
							.computeIfAbsent(size, (k) -> new ArrayList<>())
							.add(cpu / 1000.0 / calls);
					}
				}
				System.out.printf(Locale.ROOT, "[probe] round %d/%d done%n", round + 1, rounds);
			}
			System.out.printf(Locale.ROOT, "%nThread CPU per call (µs), median of %d rounds of %d calls (first round "
					+ "included; min..max in brackets)%n", rounds, calls);
			StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-34s", "step"));
			sizes.forEach((size) -> header.append(String.format(Locale.ROOT, " %26s", "N=" + size)));
			System.out.println(header);
			results.forEach((name, bySize) -> {
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-34s", name));
				bySize.forEach((size, values) -> {
					List<Double> sorted = values.stream().sorted().toList();
					line.append(String.format(Locale.ROOT, " %8.1f [%6.1f..%7.1f]", sorted.get(sorted.size() / 2),
							sorted.get(0), sorted.get(sorted.size() - 1)));
				});
				System.out.println(line);
			});
		}
		finally {
			for (Subject subject : subjects.values()) {
				subject.close();
			}
		}
	}

	/**
	 * Runs a step's calls on as many threads at once as the web server's load has requests in flight, each on its
	 * own pooled connection, as the application's request threads do.
	 * @return the threads' CPU time, summed
	 */
	private static long block(Step step, Subject subject, int calls, int threads) throws Exception {
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		java.util.concurrent.atomic.AtomicLong spent = new java.util.concurrent.atomic.AtomicLong();
		java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
		List<Thread> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				long start = cpu.getCurrentThreadCpuTime();
				try {
					for (int i = 0; i < calls / threads; i++) {
						step.run(subject);
					}
				}
				catch (Exception ex) {
					failure.set(ex);
				}
				spent.addAndGet(cpu.getCurrentThreadCpuTime() - start);
			});
			thread.start();
			running.add(thread);
		}
		for (Thread thread : running) {
			thread.join();
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		return spent.get();
	}

	/** One call of a step on one size. */
	@FunctionalInterface
	private interface Step {

		void run(Subject subject) throws Exception;

	}

	private static Map<String, Step> steps() {
		Map<String, Step> steps = new LinkedHashMap<>();
		steps.put("pool borrow+return", (s) -> s.pool.getConnection().close());
		steps.put("db indicator: product name", (s) -> {
			try (Connection connection = s.pool.getConnection()) {
				connection.getMetaData().getDatabaseProductName();
			}
		});
		steps.put("db indicator: isValid", (s) -> {
			try (Connection connection = s.pool.getConnection()) {
				connection.isValid(0);
			}
		});
		steps.put("session open (metadata)", (s) -> {
			try (Connection connection = s.pool.getConnection()) {
				connection.setAutoCommit(true);
				connection.getMetaData().getDatabaseProductName();
				connection.getMetaData().getDatabaseProductVersion();
				connection.getMetaData().getURL();
			}
		});
		steps.put("pragma_table_info lookup", (s) -> {
			try (Connection connection = s.pool.getConnection()) {
				exists(connection, s.versionTable);
			}
		});
		steps.put("select version rows", (s) -> {
			try (Connection connection = s.pool.getConnection(); Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT \"version_num\" FROM \"main\".\"" + s.versionTable
							+ "\"")) {
				while (result.next()) {
					result.getString(1);
				}
			}
		});
		steps.put("select newest history row", (s) -> {
			try (Connection connection = s.pool.getConnection()) {
				newest(connection, s.historyTable);
			}
		});
		steps.put("select 1 (prepare+step)", (s) -> {
			try (Connection connection = s.pool.getConnection(); Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT 1")) {
				result.next();
			}
		});
		steps.put("health's statements by plain JDBC", (s) -> {
			try (Connection connection = s.pool.getConnection()) {
				connection.setAutoCommit(true);
				connection.getMetaData().getDatabaseProductName();
				connection.getMetaData().getDatabaseProductVersion();
				connection.getMetaData().getURL();
				if (exists(connection, s.versionTable)) {
					try (Statement statement = connection.createStatement();
							ResultSet result = statement.executeQuery("SELECT \"version_num\" FROM \"main\".\""
									+ s.versionTable + "\"")) {
						while (result.next()) {
							result.getString(1);
						}
					}
				}
				if (exists(connection, s.historyTable)) {
					newest(connection, s.historyTable);
				}
			}
		});
		steps.put("Migrator.health()", (s) -> s.migrator.health());
		return steps;
	}

	private static boolean exists(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM pragma_table_info(?, ?) LIMIT 1")) {
			statement.setString(1, table);
			statement.setString(2, "main");
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	private static void newest(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT * FROM \"main\".\"" + table + "\" ORDER BY \"id\" DESC LIMIT 1")) {
			while (result.next()) {
				for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
					result.getObject(i);
				}
			}
		}
	}

	/** One size's database, pool and migrator. */
	private record Subject(HikariDataSource pool, Migrator migrator, String versionTable, String historyTable)
			implements AutoCloseable {

		static Subject open(Path root, int size) throws Exception {
			Workload workload = Workload.create(root.resolve("workloads"), size);
			Path file = root.resolve("n" + size + ".db").toAbsolutePath();
			String url = "jdbc:sqlite:" + file;
			HikariDataSource pool = new HikariDataSource();
			pool.setJdbcUrl(url);
			pool.setPoolName("probe-" + size);
			MigrateConfig config = MigrateConfig.builder()
				.dataSource(pool)
				.locations("filesystem:" + workload.migrateDirectory().toAbsolutePath())
				.build();
			Migrator migrator = Migrator.create(config);
			if (migrator.current().isEmpty()) {
				System.out.printf(Locale.ROOT, "[probe] set-up N=%,d at %s%n", size, file);
				migrator.upgrade("heads");
			}
			if (migrator.health().pending() != 0) {
				throw new IllegalStateException("N=" + size + " has pending revisions; delete " + file);
			}
			return new Subject(pool, migrator, config.versionTable(), config.historyTable());
		}

		@Override
		public void close() {
			this.migrator.close();
			this.pool.close();
		}

	}

}
