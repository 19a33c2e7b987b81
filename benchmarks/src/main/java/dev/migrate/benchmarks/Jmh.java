package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;

/**
 * Runs one class's JMH benchmarks from its {@code main} ({@link Runner} with one fork and one-second iterations),
 * sending JMH's own log to a file, and prints what it measured as a table with each target and whether it was met.
 */
final class Jmh {

	/** Warm-up and measurement iterations of a full run. */
	static final int WARMUP = 3;

	static final int MEASUREMENT = 5;

	/** Warm-up and measurement iterations of a quick run. */
	static final int QUICK_WARMUP = 2;

	static final int QUICK_MEASUREMENT = 3;

	private Jmh() {
	}

	/**
	 * Runs every benchmark method of a class, printing the settings and the load average before and after.
	 * @param benchmark the {@code @State} class holding the {@code @Benchmark} methods
	 * @param args {@code quick} for fewer iterations
	 * @return the scores, one per method and parameter combination
	 * @throws RunnerException if JMH fails or a benchmark throws
	 */
	static List<Score> run(Class<?> benchmark, String[] args) throws RunnerException {
		boolean quick = Arrays.asList(args).contains("quick");
		int warmup = quick ? QUICK_WARMUP : WARMUP;
		int measurement = quick ? QUICK_MEASUREMENT : MEASUREMENT;
		Path log = Path.of(System.getProperty("java.io.tmpdir"), "migrate-jmh-" + benchmark.getSimpleName() + ".log");
		Options options = new OptionsBuilder().include(Pattern.quote(benchmark.getName()) + "\\.")
			.forks(1)
			.warmupIterations(warmup)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(measurement)
			.measurementTime(TimeValue.seconds(1))
			.shouldFailOnError(true)
			.output(log.toString())
			.build();
		System.out.printf(Locale.ROOT,
				"JMH %s, Java %s on %d cores: 1 fork, %d warm-up and %d measurement iterations of 1 s per benchmark; "
						+ "load average %.1f before%n",
				Version.getPlainVersion(), Runtime.version(), Runtime.getRuntime().availableProcessors(), warmup,
				measurement, loadAverage());
		Collection<RunResult> results = new Runner(options).run();
		System.out.printf(Locale.ROOT, "load average %.1f after; JMH's log: %s%n%n", loadAverage(), log);
		List<Score> scores = new ArrayList<>();
		for (RunResult result : results) {
			BenchmarkParams params = result.getParams();
			Map<String, String> values = new TreeMap<>();
			params.getParamsKeys().forEach((key) -> values.put(key, params.getParam(key)));
			String name = params.getBenchmark();
			Result<?> primary = result.getPrimaryResult();
			scores.add(new Score(name.substring(name.lastIndexOf('.') + 1), values, primary.getScore(),
					primary.getScoreError(), primary.getScoreUnit()));
		}
		return scores;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * Lays rows out as an aligned plain-text table.
	 * @param rows the rows
	 * @return the lines
	 */
	static List<String> table(List<Row> rows) {
		List<String[]> cells = new ArrayList<>();
		cells.add(new String[] { "benchmark", "params", "score", "error (99.9%)", "unit", "target", "met" });
		for (Row row : rows) {
			cells.add(new String[] { row.benchmark(), row.params(), number(row.score()), number(row.error()), row.unit(),
					row.target(), row.met() });
		}
		int[] widths = new int[7];
		for (String[] line : cells) {
			for (int i = 0; i < line.length; i++) {
				widths[i] = Math.max(widths[i], line[i].length());
			}
		}
		List<String> lines = new ArrayList<>();
		for (String[] line : cells) {
			StringBuilder out = new StringBuilder();
			for (int i = 0; i < line.length; i++) {
				// text left, numbers right
				String format = (i == 2 || i == 3) ? "%" + widths[i] + "s" : "%-" + widths[i] + "s";
				out.append((i > 0) ? "  " : "").append(String.format(Locale.ROOT, format, line[i]));
			}
			lines.add(out.toString().stripTrailing());
		}
		return lines;
	}

	/**
	 * A figure with about three significant digits, or an empty string for none (JMH gives {@code NaN} as the
	 * error of a single measurement).
	 */
	static String number(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		double magnitude = Math.abs(value);
		String format = (magnitude >= 100) ? "%,.0f" : (magnitude >= 10) ? "%.1f" : "%.2f";
		return String.format(Locale.ROOT, format, value);
	}

	/**
	 * What JMH measured for one benchmark method and parameter combination.
	 *
	 * @param method the benchmark method's name
	 * @param params the parameter values by name
	 * @param score the primary score
	 * @param error half the 99.9% confidence interval, {@code NaN} if unknown
	 * @param unit the score's unit, e.g. {@code ops/s} or {@code ms/op}
	 */
	record Score(String method, Map<String, String> params, double score, double error, String unit) {

		String param(String name) {
			return this.params.get(name);
		}

	}

	/**
	 * One line of the printed table.
	 *
	 * @param benchmark what was timed
	 * @param params the parameters, readable
	 * @param score the figure
	 * @param error half its 99.9% confidence interval, {@code NaN} if unknown
	 * @param unit the figure's unit
	 * @param target the target, or a dash
	 * @param met {@code yes}, {@code no}, or empty without a target
	 */
	record Row(String benchmark, String params, double score, double error, String unit, String target, String met) {

	}

}
