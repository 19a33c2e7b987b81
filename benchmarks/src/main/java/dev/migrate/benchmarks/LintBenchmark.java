package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.migrate.benchmarks.Jmh.Row;
import dev.migrate.benchmarks.Jmh.Score;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.lint.LintOptions;
import dev.migrate.core.lint.LintReport;
import dev.migrate.core.lint.Linter;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.SqlSyntax;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * JMH benchmark of {@code migrate lint} over 10,000 revisions, in milliseconds per operation: the whole command
 * through the facade ({@code Migrator.lint}: reading and parsing the files, building the graph, linting every
 * revision) and the linting alone on scripts already loaded. Each revision holds a few statements of the kinds the
 * rules read (new tables, added columns, indexes, a type change, a backfill, a drop), so most rules have work to do.
 * {@link #main} prints the scores against the target (the whole command under 2 s for 10,000 revisions).
 *
 * <pre>
 * ./mvnw -B -q -o -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=$PWD/benchmarks/target/classpath.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dev.migrate.benchmarks.LintBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = Jmh.WARMUP, time = 1)
@Measurement(iterations = Jmh.MEASUREMENT, time = 1)
public class LintBenchmark {

	/** The whole command may take this long for 10,000 revisions. */
	static final double TARGET_MILLIS = 2000;

	/** The number of revisions. */
	@Param({ "10000" })
	public int size;

	/** The engine whose rules run. */
	@Param({ "postgresql", "mysql" })
	public String engine;

	private Path directory;

	private MigrateConfig config;

	private ScriptDirectory scripts;

	private RevisionGraph graph;

	private List<String> ids;

	/**
	 * Writes the revisions and loads them once for {@link #lintLoaded()}.
	 * @throws IOException if the files cannot be written
	 */
	@Setup(Level.Trial)
	public void write() throws IOException {
		this.directory = Files.createTempDirectory("migrate-lint-benchmark");
		for (int i = 0; i < this.size; i++) {
			Files.writeString(this.directory.resolve(String.format(Locale.ROOT, "r%05d.sql", i)), script(i));
		}
		this.config = MigrateConfig.builder()
			.locations(List.of("filesystem:" + this.directory))
			.dialect(this.engine)
			.build();
		this.scripts = ScriptDirectory.load(List.of("filesystem:" + this.directory), getClass().getClassLoader(),
				List.of(), true);
		this.graph = RevisionGraph.of(this.scripts.revisions());
		this.ids = this.graph.history(null).stream().map(Revision::id).toList();
		if (lintLoaded().revisions() != this.size || lint().findings().isEmpty()) {
			throw new IllegalStateException("the lint did not read every revision");
		}
	}

	/**
	 * Deletes the revisions.
	 * @throws IOException if a file cannot be deleted
	 */
	@TearDown(Level.Trial)
	public void delete() throws IOException {
		try (var files = Files.list(this.directory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(this.directory);
	}

	/**
	 * @return the report of the whole command: load, graph, lint (a new migrator each time, as each
	 * {@code migrate lint} has: one kept across calls would serve the scripts from its cache)
	 */
	@Benchmark
	public LintReport lint() {
		return Migrator.create(this.config).lint(null, LintOptions.defaults());
	}

	/**
	 * @return the report of linting scripts already loaded
	 */
	@Benchmark
	public LintReport lintLoaded() {
		return Linter.lint(this.scripts, this.graph, this.ids, SqlSyntax.forEngineName(this.engine),
				LintOptions.defaults());
	}

	/**
	 * Runs the benchmark and prints the scores against the target.
	 * @param args {@code quick} for fewer iterations
	 * @throws RunnerException if JMH or the lint fails
	 */
	public static void main(String[] args) throws RunnerException {
		List<Row> rows = new ArrayList<>();
		for (Score score : Jmh.run(LintBenchmark.class, args)) {
			String params = String.format(Locale.ROOT, "%s, %,d revisions", score.param("engine"),
					Integer.parseInt(score.param("size")));
			if (score.method().equals("lint")) {
				rows.add(new Row("migrate lint (load + graph + lint)", params, score.score(), score.error(),
						score.unit(), "< " + Jmh.number(TARGET_MILLIS), (score.score() < TARGET_MILLIS) ? "yes" : "no"));
			}
			else {
				rows.add(new Row("lint of loaded scripts", params, score.score(), score.error(), score.unit(), "-", ""));
			}
		}
		Jmh.table(rows).forEach(System.out::println);
	}

	private static String script(int i) {
		String id = String.format(Locale.ROOT, "r%05d", i);
		String table = "t" + (i / 4);
		StringBuilder text = new StringBuilder("-- revision ").append(i)
			.append("\n-- Revision ID: ")
			.append(id)
			.append('\n');
		if (i > 0) {
			text.append(String.format(Locale.ROOT, "-- Revises: r%05d%n", i - 1));
		}
		text.append("\n-- migrate:upgrade\n");
		switch (i % 4) {
			case 0 -> text.append("CREATE TABLE ").append(table)
				.append(" (\n    id BIGINT PRIMARY KEY,\n    name VARCHAR(100) NOT NULL,\n    amount DECIMAL(12,2)\n);\n");
			case 1 -> text.append("ALTER TABLE ").append(table).append(" ADD COLUMN note VARCHAR(200);\n")
				.append("-- migrate:lint-ignore PG01 the table is new in this release\n")
				.append("CREATE INDEX ix_").append(table).append("_name ON ").append(table).append(" (name);\n");
			case 2 -> text.append("ALTER TABLE ").append(table).append(" ALTER COLUMN note TYPE VARCHAR(400);\n")
				.append("UPDATE ").append(table).append(" SET note = name WHERE id < 1000;\n");
			default -> text.append("ALTER TABLE ").append(table).append(" DROP COLUMN note;\n");
		}
		text.append("\n-- migrate:downgrade\nSELECT 1;\n");
		return text.toString();
	}

}
