package dev.migrate.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrate.benchmarks.Jmh.Row;
import dev.migrate.benchmarks.Jmh.Score;
import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;
import dev.migrate.core.script.StatementSplitter;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * JMH benchmark of {@link StatementSplitter} on 10 MB of mixed SQL per engine (DDL, inserts with quoted
 * semicolons, comments, and each engine's bodies: dollar-quoted functions, {@code DELIMITER} procedures, {@code GO}
 * batches, triggers): throughput of splitting the same input, one {@code @Param} value per {@link SqlSyntax}.
 * {@link #main} runs it (1 fork, 3 warm-up and 5 measurement iterations of 1 s; {@code quick}: 2 and 3) and
 * prints MB/s (10^6 bytes of UTF-8 per second: operations per second times the input's size) per engine and
 * overall, against the target of 50 MB/s or more.
 *
 * <pre>
 * ./mvnw -B -q -o -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=$PWD/benchmarks/target/classpath.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dev.migrate.benchmarks.SplitterBenchmark
 * </pre>
 *
 * JMH's own runner works too, with its usual options and output in operations per second, e.g.
 * {@code java -cp ... org.openjdk.jmh.Main SplitterBenchmark -p syntax=POSTGRESQL}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = Jmh.WARMUP, time = 1)
@Measurement(iterations = Jmh.MEASUREMENT, time = 1)
public class SplitterBenchmark {

	static final double TARGET_MB_PER_SECOND = 50;

	private static final int TARGET_BYTES = 10_000_000;

	/** The engine whose syntax the input uses and the splitter follows; every engine when not given. */
	@Param
	public SqlSyntax syntax;

	private String sql;

	/**
	 * Generates the input.
	 */
	@Setup(Level.Trial)
	public void generate() {
		this.sql = input(this.syntax);
	}

	/**
	 * @return the statements, consumed by JMH
	 */
	@Benchmark
	public List<SqlStatement> split() {
		return StatementSplitter.split(this.sql, this.syntax, 1);
	}

	/**
	 * Runs the benchmark and prints MB/s per engine.
	 * @param args {@code quick} for fewer iterations
	 * @throws RunnerException if JMH or the splitter fails
	 */
	public static void main(String[] args) throws RunnerException {
		List<Score> scores = Jmh.run(SplitterBenchmark.class, args);
		Map<SqlSyntax, Input> inputs = new EnumMap<>(SqlSyntax.class);
		for (SqlSyntax syntax : SqlSyntax.values()) {
			String sql = input(syntax);
			inputs.put(syntax, new Input(sql.getBytes(StandardCharsets.UTF_8).length,
					StatementSplitter.split(sql, syntax, 1).size()));
		}
		report(scores, inputs).forEach(System.out::println);
	}

	/**
	 * Turns operations per second into MB/s, adds the overall rate (all inputs over the time they take together)
	 * and checks the target.
	 * @param scores JMH's scores in ops/s
	 * @param inputs each engine's input
	 * @return the table
	 */
	static List<String> report(List<Score> scores, Map<SqlSyntax, Input> inputs) {
		List<Row> rows = new ArrayList<>();
		double totalMegabytes = 0;
		double totalSeconds = 0;
		for (Score score : scores) {
			SqlSyntax syntax = SqlSyntax.valueOf(score.param("syntax"));
			Input input = inputs.get(syntax);
			double megabytes = input.bytes() / 1e6;
			double rate = score.score() * megabytes;
			totalMegabytes += megabytes;
			totalSeconds += 1 / score.score();
			rows.add(row(String.format(Locale.ROOT, "%s, %.1f MB, %,d statements", syntax.engineName(), megabytes,
					input.statements()), rate, score.error() * megabytes));
		}
		if (rows.size() > 1) {
			rows.add(row("all", totalMegabytes / totalSeconds, Double.NaN));
		}
		return Jmh.table(rows);
	}

	private static Row row(String params, double rate, double error) {
		return new Row("split", params, rate, error, "MB/s", ">= " + Jmh.number(TARGET_MB_PER_SECOND),
				(rate >= TARGET_MB_PER_SECOND) ? "yes" : "no");
	}

	static String input(SqlSyntax syntax) {
		return repeat(chunk(syntax));
	}

	private static String repeat(String chunk) {
		StringBuilder sql = new StringBuilder(TARGET_BYTES + chunk.length());
		int i = 0;
		while (sql.length() < TARGET_BYTES) {
			sql.append(chunk.replace("{n}", Integer.toString(i++)));
		}
		return sql.toString();
	}

	private static String chunk(SqlSyntax syntax) {
		String common = """
				-- account {n}: table, index and rows
				CREATE TABLE account_{n} (
				    id BIGINT PRIMARY KEY,
				    name VARCHAR(100) NOT NULL, /* display name; not unique */
				    note VARCHAR(200) DEFAULT 'none; really'
				);
				CREATE INDEX ix_account_{n}_name ON account_{n} (name);
				INSERT INTO account_{n} (id, name, note) VALUES (1, 'O''Brien; Ann', 'a "quoted" note'),
				    (2, 'Bob', 'x;y;z'), (3, 'Größe', NULL);
				UPDATE account_{n} SET note = 'checked' WHERE id IN (SELECT id FROM account_{n} WHERE name LIKE 'B%');
				""";
		String specific = switch (syntax) {
			case POSTGRESQL -> """
					CREATE FUNCTION touch_{n}() RETURNS trigger AS $body$
					BEGIN
					    NEW.note := 'touched; ' || $$it's$$;
					    RETURN NEW;
					END;
					$body$ LANGUAGE plpgsql;
					DO $$ BEGIN PERFORM 1; END $$;
					/* outer /* nested; */ still comment */
					SELECT E'esc\\'aped; value';
					""";
			case MYSQL, MARIADB -> """
					# mysql comment; with a semicolon
					DELIMITER //
					CREATE PROCEDURE p_{n}(IN x INT)
					BEGIN
					    IF x > 0 THEN SELECT 'positive; yes'; END IF;
					    UPDATE `account_{n}` SET note = "it\\'s" WHERE id = x;
					END //
					DELIMITER ;
					""";
			case SQLITE -> """
					CREATE TRIGGER trg_{n} AFTER INSERT ON account_{n}
					BEGIN
					    UPDATE account_{n} SET note = CASE WHEN NEW.id > 1 THEN 'many' ELSE 'one' END;
					END;
					SELECT [name] FROM `account_{n}`;
					""";
			case SQLSERVER -> """
					GO
					CREATE PROCEDURE p_{n} AS
					    SELECT [name] FROM account_{n};
					    UPDATE account_{n} SET note = N'one; two';
					GO
					BEGIN TRY
					    INSERT INTO account_{n} (id, name) VALUES (4, 'Dee');
					END TRY
					BEGIN CATCH
					    SELECT 1;
					END CATCH;
					""";
			case H2 -> """
					CREATE ALIAS f_{n} AS $$ String f() { return "a;b"; } $$;
					CALL f_{n}();
					""";
		};
		return common + specific;
	}

	/**
	 * The size of one engine's input and the number of statements it splits into.
	 *
	 * @param bytes its size in UTF-8
	 * @param statements its statements
	 */
	record Input(long bytes, int statements) {

	}

}
