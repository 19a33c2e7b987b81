package dev.migrate.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.core.autogen.Autogenerate;
import dev.migrate.core.autogen.Comparison;
import dev.migrate.core.autogen.SchemaModel;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

/**
 * Times autogenerate against a 200-table schema on PostgreSQL: reflect the database, load the model file into a
 * scratch schema and reflect it, diff, render both directions and the revision script. The database holds schema
 * A (200 tables, each with a primary key, a foreign key to the previous table, a unique constraint, a check
 * constraint and an index); the model changes 20 of them and adds 5. One warm-up run, then five measured runs;
 * the target is under 5 s per run.
 *
 * <pre>
 * ./mvnw -B -q -o -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=$PWD/benchmarks/target/classpath.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dev.migrate.benchmarks.AutogenerateBenchmark
 * </pre>
 *
 * PostgreSQL comes from the test support: {@code MIGRATE_TEST_POSTGRES_URL}, else the local server on 5432.
 */
public final class AutogenerateBenchmark {

	private static final int TABLES = 200;

	private static final int MEASURED_RUNS = 5;

	private AutogenerateBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args ignored
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Path model = Files.createTempFile("migrate-autogenerate-model", ".sql");
		try (TestDatabase db = TestDatabases.create(Engine.POSTGRESQL)) {
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				for (String sql : schema(false)) {
					statement.execute(sql);
				}
			}
			Files.writeString(model, String.join(";\n", schema(true)) + ";\n", StandardCharsets.UTF_8);
			Autogenerate autogenerate = Autogenerate.forEngine("postgresql",
					Set.of("migrate_version", "migrate_history"));
			System.out.printf(Locale.ROOT, "Java %s on %d cores; PostgreSQL %s; %d tables in the database%n",
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), version(db), TABLES);
			List<Long> times = new ArrayList<>();
			Comparison comparison = null;
			int scriptLength = 0;
			for (int run = 0; run <= MEASURED_RUNS; run++) {
				long start = System.nanoTime();
				long reflected;
				long loaded;
				try (Connection connection = db.connect()) {
					SchemaModel current = autogenerate.reflect(connection);
					reflected = System.nanoTime();
					SchemaModel desired = autogenerate.loadModel(connection, model);
					loaded = System.nanoTime();
					comparison = autogenerate.compare(current, desired);
					scriptLength = Autogenerate.renderScript(comparison, "benchmark", "b0000000001", List.of("a0"),
							LocalDateTime.now()).length();
				}
				long end = System.nanoTime();
				long elapsed = (end - start) / 1_000_000;
				System.out.printf(Locale.ROOT,
						"%s %d: %d ms (reflect the database %d ms, load the model %d ms, diff and render %d ms)%n",
						(run == 0) ? "warm-up" : "run", run, elapsed, (reflected - start) / 1_000_000,
						(loaded - reflected) / 1_000_000, (end - loaded) / 1_000_000);
				if (run > 0) {
					times.add(elapsed);
				}
			}
			Collections.sort(times);
			System.out.printf(Locale.ROOT,
					"autogenerate, %d tables: median %d ms, best %d ms (target < 5000 ms); %d operations, "
							+ "%d upgrade and %d downgrade statements, script %d characters%n",
					TABLES, times.get(times.size() / 2), times.get(0), comparison.upgrade().size(),
					comparison.upgradeSql().size(), comparison.downgradeSql().size(), scriptLength);
		}
		finally {
			Files.deleteIfExists(model);
		}
	}

	/**
	 * Schema A, or the model (B): every tenth table gets a new column, a wider type and a new index, and five
	 * tables are added.
	 */
	private static List<String> schema(boolean model) {
		List<String> statements = new ArrayList<>();
		for (int i = 0; i < TABLES; i++) {
			boolean changed = model && i % 10 == 0;
			String table = "t" + i;
			StringBuilder sql = new StringBuilder("create table " + table + " (id integer primary key, code varchar(")
				.append(changed ? 80 : 40)
				.append(") not null, name varchar(100), amount decimal(12,2) default 0, active boolean default true,")
				.append(" created timestamp, note text, parent_id integer");
			if (changed) {
				sql.append(", extra varchar(20)");
			}
			if (i > 0) {
				sql.append(", constraint fk_").append(table).append(" foreign key (parent_id) references t")
					.append(i - 1).append(" (id)");
			}
			sql.append(", constraint uq_").append(table).append(" unique (code)");
			sql.append(", constraint ck_").append(table).append(" check (amount >= 0))");
			statements.add(sql.toString());
			statements.add("create index ix_" + table + "_name on " + table + " (name)");
			if (changed) {
				statements.add("create index ix_" + table + "_created on " + table + " (created)");
			}
		}
		if (model) {
			for (int i = 0; i < 5; i++) {
				statements.add("create table added" + i + " (id integer primary key, t0_id integer references t0 (id),"
						+ " label varchar(50) not null)");
			}
		}
		return statements;
	}

	private static String version(TestDatabase db) throws Exception {
		try (Connection connection = db.connect()) {
			return connection.getMetaData().getDatabaseProductVersion();
		}
	}

}
