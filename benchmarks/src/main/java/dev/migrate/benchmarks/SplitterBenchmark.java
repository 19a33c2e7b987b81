package dev.migrate.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;
import dev.migrate.core.script.StatementSplitter;

/**
 * Times {@link StatementSplitter} on 10 MB of mixed SQL per engine (DDL, inserts with quoted semicolons,
 * comments, and each engine's bodies: dollar-quoted functions, {@code DELIMITER} procedures, {@code GO} batches,
 * triggers), after warming up. Prints MB/s (10^6 bytes of UTF-8 per second) per engine and overall; the target is
 * 50 MB/s or more.
 *
 * <pre>
 * ./mvnw -B -q -o -pl benchmarks -am compile
 * java -cp migrate-core/target/classes:benchmarks/target/classes dev.migrate.benchmarks.SplitterBenchmark
 * </pre>
 */
public final class SplitterBenchmark {

	private static final int TARGET_BYTES = 10_000_000;

	private static final int WARMUP_ROUNDS = 5;

	private static final int MEASURED_ROUNDS = 10;

	private SplitterBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		Map<SqlSyntax, String> inputs = new EnumMap<>(SqlSyntax.class);
		for (SqlSyntax syntax : SqlSyntax.values()) {
			inputs.put(syntax, repeat(chunk(syntax)));
		}
		System.out.printf(Locale.ROOT, "Java %s on %d cores; %d warm-up and %d measured rounds per engine%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), WARMUP_ROUNDS,
				MEASURED_ROUNDS);
		System.out.printf(Locale.ROOT, "%-11s %9s %11s %14s %14s%n", "engine", "MB", "statements", "median MB/s",
				"best MB/s");
		long totalBytes = 0;
		double totalSeconds = 0;
		for (Map.Entry<SqlSyntax, String> input : inputs.entrySet()) {
			String sql = input.getValue();
			long bytes = sql.getBytes(StandardCharsets.UTF_8).length;
			int statements = 0;
			for (int i = 0; i < WARMUP_ROUNDS; i++) {
				statements = StatementSplitter.split(sql, input.getKey(), 1).size();
			}
			List<Long> times = new ArrayList<>();
			for (int i = 0; i < MEASURED_ROUNDS; i++) {
				long start = System.nanoTime();
				List<SqlStatement> result = StatementSplitter.split(sql, input.getKey(), 1);
				times.add(System.nanoTime() - start);
				if (result.size() != statements) {
					throw new IllegalStateException("unstable result for " + input.getKey());
				}
			}
			times.sort(null);
			double median = times.get(times.size() / 2) / 1e9;
			double best = times.get(0) / 1e9;
			totalBytes += bytes;
			totalSeconds += median;
			System.out.printf(Locale.ROOT, "%-11s %9.1f %11d %14.0f %14.0f%n", input.getKey().engineName(), bytes / 1e6,
					statements, bytes / 1e6 / median, bytes / 1e6 / best);
		}
		System.out.printf(Locale.ROOT, "%-11s %9.1f %11s %14.0f%n", "all", totalBytes / 1e6, "", totalBytes / 1e6
				/ totalSeconds);
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

}
