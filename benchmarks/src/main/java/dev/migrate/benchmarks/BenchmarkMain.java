package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every benchmark and writes the results: {@code benchmarks/run.sh [quick] [options]}, or
 * {@code ./mvnw -B -q -pl migrate-cli,benchmarks -am -Pbench -DskipTests verify -Dbench.args="..."}. A full run
 * writes {@code benchmarks/results/} (results.md, measurements.csv, summary.csv, chart.png) and the README's
 * performance section; a quick run writes {@code benchmarks/target/bench-results/} only. See {@link Options}.
 */
public final class BenchmarkMain {

	static final String COMMAND = "benchmarks/run.sh";

	private BenchmarkMain() {
	}

	/**
	 * Runs the benchmarks.
	 * @param args {@code quick} or {@code full} and overrides, see {@link Options}
	 * @throws IOException if results cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Options options = Options.parse(args);
		Path root = projectRoot();
		Path work = root.resolve("benchmarks/target/bench");
		deleteRecursively(work.resolve("logs"));
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		System.out.println("[bench] " + (options.quick() ? "quick" : "full") + " run started " + started + ": " + options);
		String machine = Machine.describe(options.engines()) + "; 1-minute load average " + Machine.loadAverage()
				+ " when the run started";
		System.out.println("[bench] machine: " + machine);
		Harness harness = new Harness(options, root, work);
		harness.run(() -> write(options, root, machine, started, harness, false));
		Report report = write(options, root, machine, started, harness, true);
		System.out.print(report.markdown(null, false));
	}

	/**
	 * Writes what has been measured so far: the results folder, and (on a full run) the block in benchmarks/README.md. Called after
	 * every block, so a run stopped early leaves its figures, marked as partial.
	 */
	private static Report write(Options options, Path root, String machine, Instant started, Harness harness,
			boolean complete) {
		try {
			Summary summary = new Summary(harness.measurements());
			Report report = new Report(summary, machine, harness.notes(), harness.microOutputs(), harness.profiles(),
					options);
			Path results = (options.quick() || options.profile()) ? root.resolve("benchmarks/target/bench-results")
					: root.resolve("benchmarks/results");
			Files.createDirectories(results);
			int chartSize = options.quick() ? options.serviceSize() : Report.REFERENCE_SIZE;
			boolean chart = new BarChart(summary).write(results.resolve("chart.png"), chartSize,
					List.of(Scenario.APPLY, Scenario.NOOP));
			String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
			String heading = "Run " + started + " to " + now + " with `" + COMMAND + (options.quick() ? " quick" : "")
					+ "`" + (complete ? "" : " (partial: the run had not finished when this was written)")
					+ "; 1-minute load average " + Machine.loadAverage() + " at the end.\n\n";
			Files.writeString(results.resolve("results.md"),
					"# Benchmark results\n\n" + heading + report.markdown(chart ? "chart.png" : null, true),
					StandardCharsets.UTF_8);
			Files.writeString(results.resolve("measurements.csv"), report.measurementsCsv(), StandardCharsets.UTF_8);
			Files.writeString(results.resolve("summary.csv"), report.summaryCsv(), StandardCharsets.UTF_8);
			if (!options.quick() && !options.profile()) {
				String section = "## Benchmarks against Flyway, Liquibase and raw JDBC\n\n" + heading
						+ report.markdown(chart ? "results/chart.png" : null, false)
						+ "Every run: [`results/measurements.csv`](results/measurements.csv); medians: "
						+ "[`results/summary.csv`](results/summary.csv); the graph, splitter and autogenerate "
						+ "benchmarks' output: [`results/results.md`](results/results.md).\n";
				ReadmeSection.replace(root.resolve("benchmarks/README.md"), section);
			}
			System.out.println("[bench] wrote " + results + (complete ? "" : " (partial)"));
			return report;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the results", ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static Path projectRoot() {
		Path directory = Path.of("").toAbsolutePath();
		for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
			if (Files.isDirectory(candidate.resolve("benchmarks")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("Run the benchmarks from the project root (no benchmarks/ folder above "
				+ directory + "); use " + COMMAND);
	}

}
