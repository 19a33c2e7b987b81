package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

import dev.migrate.testsupport.Engine;

/**
 * Turns a {@link Summary} into Markdown (tables with ratios side by side, and the targets checked) and
 * CSV (every run, and the medians).
 */
final class Report {

	static final int REFERENCE_SIZE = 1000;

	private final Summary summary;

	private final String machine;

	private final List<String> notes;

	private final Map<String, List<String>> micro;

	private final Map<String, List<String>> profiles;

	private final Options options;

	Report(Summary summary, String machine, List<String> notes, Map<String, List<String>> micro,
			Map<String, List<String>> profiles, Options options) {
		this.summary = summary;
		this.machine = machine;
		this.notes = notes;
		this.micro = micro;
		this.profiles = profiles;
		this.options = options;
	}

	/**
	 * @param chart the chart's path relative to where the Markdown lives, or {@code null}
	 * @param withMicro whether to include the other benchmarks' output verbatim
	 * @return the whole report
	 */
	String markdown(String chart, boolean withMicro) {
		StringBuilder out = new StringBuilder();
		out.append("Measured on ").append(this.machine).append(".\n\n");
		out.append("Every figure is the median of ").append(this.options.runs()).append(" runs (")
			.append(this.options.largeRuns())
			.append(" for boot, downgrade and 5,000 migrations or more), tools interleaved, each run a fresh JVM and ")
			.append("a fresh database; ")
			.append("milliseconds from `main` to done, so loading the tool's classes counts (the CLI row is wall time ")
			.append("including the JVM start). The child JVM's classpath is what an application ships (the tools, the ")
			.append("three drivers, Logback), without the harness's test-only jars, and its logging is set up before the ")
			.append("clock starts, as an application's is before any tool runs. \"÷ raw\" is the time over raw JDBC's; \"best peer ÷\" is the faster of Flyway ")
			.append("and Liquibase over migrate (above 1 means migrate is faster). The workload is N migrations of one ")
			.append("`CREATE TABLE t_i (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, amount DECIMAL(12,2))` each, ")
			.append("with its `DROP TABLE` as the downgrade: migrate SQL revisions in one chain, Flyway `V<i>__` scripts, ")
			.append("one Liquibase formatted-SQL changelog with a changeset per table, and the bare statements for raw ")
			.append("JDBC (autocommit, no bookkeeping). Every tool runs with its defaults (one transaction per ")
			.append("migration) and logs at WARN. The databases for no-op, CLI and boot are set up once per tool by the ")
			.append("tool itself; Flyway's set-up uses `group=true` (the same history rows) except on PostgreSQL, as its ")
			.append("default apply re-sorts all migrations after each one and needs more than ten minutes for 10,000.\n\n");
		if (chart != null) {
			out.append("![apply and no-op times per engine](").append(chart).append(")\n\n");
		}
		targets(out);
		for (Scenario scenario : this.summary.scenarios()) {
			table(out, scenario);
			if (scenario == Scenario.BOOT) {
				bootFloor(out);
			}
			if (scenario == Scenario.NOOP || scenario == Scenario.BOOT) {
				classes(out, scenario);
			}
		}
		if (!this.notes.isEmpty()) {
			out.append("### Notes from the run\n\n");
			for (String note : this.notes) {
				out.append("- ").append(note.replace("|", "\\|")).append('\n');
			}
			out.append('\n');
		}
		if (withMicro && !this.profiles.isEmpty()) {
			out.append("### Where migrate's time goes (JFR, profile runs; timings above include JFR)\n\n");
			for (Map.Entry<String, List<String>> entry : this.profiles.entrySet()) {
				out.append(entry.getKey()).append(":\n\n```\n");
				entry.getValue().forEach((line) -> out.append(line).append('\n'));
				out.append("```\n\n");
			}
		}
		if (withMicro && !this.micro.isEmpty()) {
			for (Map.Entry<String, List<String>> entry : this.micro.entrySet()) {
				out.append("### ").append(entry.getKey()).append("\n\n```\n");
				entry.getValue().forEach((line) -> out.append(line).append('\n'));
				out.append("```\n\n");
			}
		}
		return out.toString();
	}

	private void table(StringBuilder out, Scenario scenario) {
		List<Tool> tools = this.summary.tools(scenario);
		out.append("### ").append(scenario.id()).append(": ").append(scenario.description()).append("\n\n");
		List<String> header = new ArrayList<>(List.of("engine", "N"));
		tools.forEach((tool) -> header.add(tool.displayName() + " (ms)"));
		boolean raw = tools.contains(Tool.RAW_JDBC);
		boolean peers = tools.stream().anyMatch(Tool::isPeer);
		List<Tool> migrates = tools.stream().filter(Tool::isMigrate).toList();
		if (raw) {
			migrates.forEach((tool) -> header.add(tool.displayName() + " ÷ raw"));
			tools.stream().filter(Tool::isPeer).forEach((tool) -> header.add(tool.displayName() + " ÷ raw"));
		}
		if (peers && migrates.contains(Tool.MIGRATE)) {
			header.add("best peer ÷ migrate");
		}
		// The bookkeeping floor: its price over raw JDBC, and migrate's own overhead over it.
		List<Tool> floors = tools.stream().filter(Tool::isFloor).toList();
		if (raw) {
			floors.forEach((tool) -> header.add(tool.displayName() + " ÷ raw"));
		}
		boolean overFloor = tools.contains(Tool.RAW_JDBC_BOOKKEEPING) && migrates.contains(Tool.MIGRATE);
		if (overFloor) {
			header.add("migrate ÷ floor");
		}
		row(out, header);
		List<String> rule = new ArrayList<>();
		header.forEach((cell) -> rule.add(rule.isEmpty() || rule.size() == 1 ? "---" : "---:"));
		row(out, rule);
		for (int size : this.summary.sizes(scenario)) {
			for (Engine engine : this.summary.engines(scenario)) {
				List<String> cells = new ArrayList<>(List.of(engine.displayName(), String.format(Locale.ROOT, "%,d", size)));
				for (Tool tool : tools) {
					cells.add(cell(scenario, engine, size, tool));
				}
				OptionalDouble rawMedian = this.summary.median(scenario, engine, size, Tool.RAW_JDBC);
				if (raw) {
					for (Tool tool : migrates) {
						cells.add(times(Summary.ratio(this.summary.median(scenario, engine, size, tool), rawMedian)));
					}
					for (Tool tool : tools.stream().filter(Tool::isPeer).toList()) {
						cells.add(times(Summary.ratio(this.summary.median(scenario, engine, size, tool), rawMedian)));
					}
				}
				if (peers && migrates.contains(Tool.MIGRATE)) {
					cells.add(times(Summary.ratio(this.summary.bestPeer(scenario, engine, size),
							this.summary.median(scenario, engine, size, Tool.MIGRATE))));
				}
				if (raw) {
					for (Tool tool : floors) {
						cells.add(times(Summary.ratio(this.summary.median(scenario, engine, size, tool), rawMedian)));
					}
				}
				if (overFloor) {
					cells.add(times(Summary.ratio(this.summary.median(scenario, engine, size, Tool.MIGRATE),
							this.summary.median(scenario, engine, size, Tool.RAW_JDBC_BOOKKEEPING))));
				}
				row(out, cells);
			}
		}
		out.append('\n');
	}

	/**
	 * What each tool adds to the tool-less application's start, and what migrate may add at most for Flyway's
	 * start to take 1.5 times its own: {@code Flyway / 1.5 - floor}. Negative means that no tool, however cheap,
	 * can reach the ratio: the floor alone is more than two thirds of Flyway's start.
	 */
	private void bootFloor(StringBuilder out) {
		List<String> header = List.of("engine", "N", "no tool (ms)", "migrate, jar + index − no tool",
				"Flyway − no tool", "most migrate may add for Flyway ÷ migrate ≥ 1.5×", "Flyway ÷ no tool");
		List<List<String>> rows = new ArrayList<>();
		for (int size : this.summary.sizes(Scenario.BOOT)) {
			for (Engine engine : this.summary.engines(Scenario.BOOT)) {
				OptionalDouble floor = this.summary.median(Scenario.BOOT, engine, size, Tool.NO_TOOL);
				OptionalDouble migrate = this.summary.median(Scenario.BOOT, engine, size, Tool.MIGRATE_JAR);
				OptionalDouble flyway = this.summary.median(Scenario.BOOT, engine, size, Tool.FLYWAY);
				if (floor.isEmpty() || flyway.isEmpty()) {
					continue;
				}
				double base = floor.getAsDouble();
				rows.add(List.of(engine.displayName(), String.format(Locale.ROOT, "%,d", size),
						String.format(Locale.ROOT, "%,.0f", base), above(migrate, base), above(flyway, base),
						String.format(Locale.ROOT, "%,.0f", flyway.getAsDouble() / 1.5 - base),
						times(Summary.ratio(flyway, floor))));
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		out.append("What each tool adds to the same application started without one (ms):\n\n");
		row(out, header);
		List<String> rule = new ArrayList<>();
		header.forEach((cell) -> rule.add(rule.size() < 2 ? "---" : "---:"));
		row(out, rule);
		rows.forEach((cells) -> row(out, cells));
		out.append('\n');
	}

	private static String above(OptionalDouble value, double floor) {
		return value.isPresent() ? String.format(Locale.ROOT, "%,.0f", value.getAsDouble() - floor) : "–";
	}

	// Class loading is most of what a no-op costs, so the count explains the differences.
	private void classes(StringBuilder out, Scenario scenario) {
		List<Tool> tools = this.summary.tools(scenario);
		List<String> header = new ArrayList<>(List.of("engine", "N"));
		tools.forEach((tool) -> header.add(tool.displayName()));
		out.append("Classes loaded by the end of a ").append(scenario.id()).append(" run (median):\n\n");
		row(out, header);
		List<String> rule = new ArrayList<>(List.of("---", "---"));
		tools.forEach((tool) -> rule.add("---:"));
		row(out, rule);
		for (int size : this.summary.sizes(scenario)) {
			for (Engine engine : this.summary.engines(scenario)) {
				List<String> cells = new ArrayList<>(List.of(engine.displayName(), String.format(Locale.ROOT, "%,d", size)));
				for (Tool tool : tools) {
					OptionalDouble classes = this.summary.medianClasses(scenario, engine, size, tool);
					cells.add(classes.isPresent() ? String.format(Locale.ROOT, "%,.0f", classes.getAsDouble()) : "–");
				}
				row(out, cells);
			}
		}
		out.append('\n');
	}

	private String cell(Scenario scenario, Engine engine, int size, Tool tool) {
		OptionalDouble median = this.summary.median(scenario, engine, size, tool);
		if (median.isPresent()) {
			int runs = this.summary.successfulRuns(scenario, engine, size, tool);
			int planned = this.options.runsFor(scenario, size);
			String shown = String.format(Locale.ROOT, "%,.0f", median.getAsDouble());
			return (runs < planned) ? shown + " (" + runs + " run" + ((runs == 1) ? "" : "s") + ")" : shown;
		}
		String error = this.summary.error(scenario, engine, size, tool);
		if (error != null) {
			return "failed";
		}
		return "–";
	}

	private void targets(StringBuilder out) {
		List<List<String>> rows = new ArrayList<>();
		int n = REFERENCE_SIZE;
		for (Engine engine : this.summary.engines(Scenario.APPLY)) {
			OptionalDouble raw = this.summary.median(Scenario.APPLY, engine, n, Tool.RAW_JDBC);
			OptionalDouble migrate = this.summary.median(Scenario.APPLY, engine, n, Tool.MIGRATE);
			rows.add(target("apply N=1,000, migrate ≤ 1.2× raw JDBC", engine,
					Summary.ratio(migrate, raw), (r) -> r <= 1.2, "×"));
			rows.add(target("apply N=1,000, migrate ≥ 3× faster than the faster peer", engine,
					Summary.ratio(this.summary.bestPeer(Scenario.APPLY, engine, n), migrate), (r) -> r >= 3, "×"));
			if (engine != Engine.MARIADB) {
				rows.add(target("apply N=1,000, one transaction ≤ 1.0× raw JDBC", engine, Summary.ratio(
						this.summary.median(Scenario.APPLY, engine, n, Tool.MIGRATE_ONE_TRANSACTION), raw),
						(r) -> r <= 1.0, "×"));
			}
			List<Integer> sizes = this.summary.sizes(Scenario.APPLY);
			if (sizes.size() >= 3) {
				rows.add(target("apply grows linearly: cost per extra revision " + sizeRange(sizes, 1, 2) + " ÷ "
						+ sizeRange(sizes, 0, 1) + " ≤ 1.5", engine, growth(engine, sizes), (r) -> r <= 1.5, "×"));
			}
		}
		for (Engine engine : this.summary.engines(Scenario.NOOP)) {
			rows.add(target("no-op N=1,000, migrate ≥ 3× faster than Flyway", engine,
					Summary.ratio(this.summary.median(Scenario.NOOP, engine, n, Tool.FLYWAY),
							this.summary.median(Scenario.NOOP, engine, n, Tool.MIGRATE)),
					(r) -> r >= 3, "×"));
		}
		for (Engine engine : this.summary.engines(Scenario.NOOP)) {
			OptionalDouble raw1k = this.summary.median(Scenario.NOOP, engine, n, Tool.RAW_JDBC);
			OptionalDouble raw10k = this.summary.median(Scenario.NOOP, engine, 10 * n, Tool.RAW_JDBC);
			for (Tool tool : List.of(Tool.MIGRATE_JAR, Tool.MIGRATE_DIR)) {
				OptionalDouble small = this.summary.median(Scenario.NOOP, engine, n, tool);
				OptionalDouble large = this.summary.median(Scenario.NOOP, engine, 10 * n, tool);
				if (small.isEmpty() && large.isEmpty()) {
					continue;
				}
				rows.add(target("no-op N=1,000, " + tool.displayName() + " ≤ 1.3× raw JDBC", engine,
						Summary.ratio(small, raw1k), (r) -> r <= 1.3, "×"));
				rows.add(target("no-op N=10,000, " + tool.displayName() + " ≤ 1.5× raw JDBC", engine,
						Summary.ratio(large, raw10k), (r) -> r <= 1.5, "×"));
				rows.add(target("no-op growth N=1,000→10,000, " + tool.displayName() + " < 1.2×", engine,
						Summary.ratio(large, small), (r) -> r < 1.2, "×"));
			}
		}
		for (Engine engine : this.summary.engines(Scenario.BOOT)) {
			rows.add(target("boot N=1,000, Flyway ÷ migrate (jar + index) ≥ 1.5×", engine,
					Summary.ratio(this.summary.median(Scenario.BOOT, engine, n, Tool.FLYWAY),
							this.summary.median(Scenario.BOOT, engine, n, Tool.MIGRATE_JAR)),
					(r) -> r >= 1.5, "×"));
		}
		for (Engine engine : this.summary.engines(Scenario.CLI)) {
			rows.add(target("`migrate current`, 1,000 revisions, < 1 s wall", engine,
					this.summary.median(Scenario.CLI, engine, n, Tool.MIGRATE), (ms) -> ms < 1000, " ms"));
		}
		if (rows.isEmpty()) {
			return;
		}
		out.append("### Targets\n\n");
		row(out, List.of("target", "engine", "measured", "met"));
		row(out, List.of("---", "---", "---:", "---"));
		rows.forEach((cells) -> row(out, cells));
		out.append('\n');
	}

	private static String sizeRange(List<Integer> sizes, int from, int to) {
		return String.format(Locale.ROOT, "%,d→%,d", sizes.get(from), sizes.get(to));
	}

	// Marginal cost per revision between the two larger sizes over that between the two smaller ones.
	private OptionalDouble growth(Engine engine, List<Integer> sizes) {
		OptionalDouble small = this.summary.median(Scenario.APPLY, engine, sizes.get(0), Tool.MIGRATE);
		OptionalDouble middle = this.summary.median(Scenario.APPLY, engine, sizes.get(1), Tool.MIGRATE);
		OptionalDouble large = this.summary.median(Scenario.APPLY, engine, sizes.get(2), Tool.MIGRATE);
		if (small.isEmpty() || middle.isEmpty() || large.isEmpty()) {
			return OptionalDouble.empty();
		}
		double lower = (middle.getAsDouble() - small.getAsDouble()) / (sizes.get(1) - sizes.get(0));
		double upper = (large.getAsDouble() - middle.getAsDouble()) / (sizes.get(2) - sizes.get(1));
		return (lower > 0) ? OptionalDouble.of(upper / lower) : OptionalDouble.empty();
	}

	private static List<String> target(String what, Engine engine, OptionalDouble value,
			DoublePredicate met, String unit) {
		if (value.isEmpty()) {
			return List.of(what, engine.displayName(), "not measured", "–");
		}
		String shown = unit.equals("×") ? String.format(Locale.ROOT, "%.2f×", value.getAsDouble())
				: String.format(Locale.ROOT, "%,.0f%s", value.getAsDouble(), unit);
		return List.of(what, engine.displayName(), shown, met.test(value.getAsDouble()) ? "yes" : "**no**");
	}

	private static String times(OptionalDouble ratio) {
		return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f×", ratio.getAsDouble()) : "–";
	}

	private static void row(StringBuilder out, List<String> cells) {
		out.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	/**
	 * @return every run, one CSV line each
	 */
	String measurementsCsv() {
		StringBuilder out = new StringBuilder("scenario,engine,n,tool,run,in_process_ms,wall_ms,classes_loaded,error\n");
		for (Measurement m : this.summary.measurements()) {
			out.append(String.join(",", csv(m.scenario().id()), csv(m.engine().displayName()), String.valueOf(m.size()),
					csv(m.tool().displayName()), String.valueOf(m.run()), number(m.millis()), number(m.wallMillis()),
					(m.classes() >= 0) ? String.valueOf(m.classes()) : "", (m.error() != null) ? csv(m.error()) : ""))
				.append('\n');
		}
		return out.toString();
	}

	/**
	 * @return one CSV line per scenario, engine, size and tool with the median and its ratios
	 */
	String summaryCsv() {
		StringBuilder out = new StringBuilder(
				"scenario,engine,n,tool,runs,median_ms,ratio_to_raw_jdbc,best_peer_over_tool,figure\n");
		for (Scenario scenario : this.summary.scenarios()) {
			for (int size : this.summary.sizes(scenario)) {
				for (Engine engine : this.summary.engines(scenario)) {
					OptionalDouble raw = this.summary.median(scenario, engine, size, Tool.RAW_JDBC);
					OptionalDouble best = this.summary.bestPeer(scenario, engine, size);
					for (Tool tool : this.summary.tools(scenario)) {
						OptionalDouble median = this.summary.median(scenario, engine, size, tool);
						out.append(String.join(",", csv(scenario.id()), csv(engine.displayName()), String.valueOf(size),
								csv(tool.displayName()), String.valueOf(this.summary.successfulRuns(scenario, engine, size, tool)),
								number(median), number(Summary.ratio(median, raw)), number(Summary.ratio(best, median)),
								scenario.wallTime() ? "wall" : "in-process"))
							.append('\n');
					}
				}
			}
		}
		return out.toString();
	}

	private static String number(double value) {
		return (value < 0) ? "" : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String number(OptionalDouble value) {
		return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "";
	}

	/** A CSV field (RFC 4180): quoted when it holds a comma or a quote, as tool names such as "migrate, one tx" do. */
	static String csv(String value) {
		String field = value.replace('\n', ' ').replace('\r', ' ');
		return (field.indexOf(',') < 0 && field.indexOf('"') < 0) ? field : "\"" + field.replace("\"", "\"\"") + "\"";
	}

}
