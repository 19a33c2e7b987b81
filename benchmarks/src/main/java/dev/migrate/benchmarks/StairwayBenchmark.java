package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.verify.MigrationTestReport;
import dev.migrate.core.verify.MigrationTests;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

/**
 * Times the migration tests' stairway over 200 revisions on SQLite and PostgreSQL: each revision creates a table
 * (a primary key, a foreign key to the previous table, a check constraint) and an index, and its downgrade drops
 * both; every one is upgraded, its schema read, downgraded, the schema read and compared, and upgraded again. One
 * run per engine on a fresh database (the stairway is itself 600 migration commands and 400 schema reads, so a
 * run is long enough not to need repeating for a rough figure); the report must pass.
 *
 * <pre>
 * ./mvnw -B -q -o -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=$PWD/benchmarks/target/classpath.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dev.migrate.benchmarks.StairwayBenchmark [sqlite] [postgresql]
 * </pre>
 *
 * PostgreSQL comes from the test support: {@code MIGRATE_TEST_POSTGRES_URL}, else the local server on 5432.
 */
public final class StairwayBenchmark {

	private static final int REVISIONS = 200;

	private StairwayBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args the engines ({@code sqlite}, {@code postgresql}); both when none is given
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		List<Engine> engines = new ArrayList<>();
		for (String arg : (args.length > 0) ? args : new String[] { "sqlite", "postgresql" }) {
			engines.add(Engine.valueOf(arg.toUpperCase(Locale.ROOT)));
		}
		Path scripts = Files.createTempDirectory("migrate-stairway");
		writeRevisions(scripts);
		System.out.printf(Locale.ROOT, "Java %s on %d cores; %d revisions%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), REVISIONS);
		for (Engine engine : engines) {
			try (TestDatabase db = TestDatabases.create(engine)) {
				MigrateConfig config = MigrateConfig.builder()
					.url(url(db))
					.user(db.user())
					.password(db.password())
					.locations("filesystem:" + scripts)
					.build();
				long start = System.nanoTime();
				MigrationTestReport report = MigrationTests.of(config).run();
				long elapsed = (System.nanoTime() - start) / 1_000_000;
				if (!report.passed()) {
					throw new IllegalStateException("The stairway failed on " + engine + ":\n" + report.text());
				}
				System.out.printf(Locale.ROOT, "%-10s stairway over %d revisions: %,d ms (%.1f ms per revision)%n",
						engine.displayName(), report.revisions().size(), elapsed, elapsed / (double) REVISIONS);
			}
		}
	}

	/**
	 * A scratch SQLite file does not need its commits on disk: {@code synchronous=OFF} spares an fsync per
	 * commit, as {@code migrate test} does for its temporary file.
	 */
	private static String url(TestDatabase db) {
		return (db.engine() == Engine.SQLITE) ? db.url() + "?synchronous=OFF" : db.url();
	}

	private static void writeRevisions(Path scripts) throws IOException {
		for (int i = 1; i <= REVISIONS; i++) {
			String id = String.format(Locale.ROOT, "r%04d", i);
			String reference = (i > 1) ? ", parent_id integer references t_" + (i - 1) + " (id)" : "";
			String text = "-- table " + i + "\n--\n-- Revision ID: " + id + "\n-- Revises: "
					+ ((i > 1) ? String.format(Locale.ROOT, "r%04d", i - 1) : "") + "\n\n-- migrate:upgrade\n"
					+ "create table t_" + i + " (id integer primary key, name varchar(100) not null" + reference
					+ ", amount decimal(12,2) check (amount >= 0));\n" + "create index ix_t_" + i + "_name on t_" + i
					+ " (name);\n\n-- migrate:downgrade\ndrop index ix_t_" + i + "_name;\ndrop table t_" + i + ";\n";
			Files.writeString(scripts.resolve(id + "_table_" + i + ".sql"), text, StandardCharsets.UTF_8);
		}
	}

}
