package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.migrate.testsupport.Engine;

/**
 * What to run. {@code full} (the default) is the measurement for the README; {@code quick} uses small sizes and
 * one run and writes under {@code benchmarks/target/}; {@code profile} records migrate's runs with JFR and
 * summarizes them (figures are then slower and never go to the README). Further words override: {@code runs=3},
 * {@code only=apply,no-op}, {@code engines=sqlite,postgresql}, {@code apply=100,1000}, {@code noop=1000},
 * {@code downgrade=100}, {@code service=1000} (the size for the CLI and boot runs),
 * {@code tools=raw_jdbc,raw_jdbc_bookkeeping,migrate,migrate_one_transaction,flyway,liquibase} (the floor's
 * alternatives, {@code floor_*}, run only when named), {@code workload=rows} (the no-op runs'
 * migrations insert a row each into one table instead of creating a table each).
 *
 * @param quick whether this is a quick run (never written to the README)
 * @param runs runs per figure
 * @param largeRuns runs per figure at 5,000 migrations and more
 * @param applySizes sizes of the apply runs
 * @param noopSizes sizes of the no-op runs
 * @param downgradeSizes sizes of the downgrade runs
 * @param serviceSize the size for the CLI and Spring Boot runs (done on the no-op databases of that size)
 * @param engines the engines
 * @param scenarios the scenarios
 * @param micro whether to run the other benchmark mains (graph, splitter, autogenerate)
 * @param profile whether to record migrate's timed runs with JFR and summarize where time goes (slower)
 * @param tools the tools to run (all by default)
 * @param cpuClock whether figures are the child's CPU time rather than its wall time
 * @param rows whether the no-op runs' migrations insert rows into one table ({@code workload=rows}) instead of
 * creating a table each ({@code workload=tables}, the default), so the database's schema does not grow with N
 * @param phases whether each apply child reports its phases ({@link Phases}: the fixed start before the first
 * revision, and every 100th revision) in wall, process CPU, main-thread CPU and JIT compiler CPU
 */
record Options(boolean quick, int runs, int largeRuns, List<Integer> applySizes, List<Integer> noopSizes,
		List<Integer> downgradeSizes, int serviceSize, Set<Engine> engines, Set<Scenario> scenarios, boolean micro,
		boolean profile, Set<Tool> tools, boolean cpuClock, boolean rows, boolean phases) {

	static final int LARGE = 5000;

	static Options parse(String[] args) {
		List<String> words = new ArrayList<>();
		for (String arg : args) {
			for (String word : arg.trim().split("\\s+")) {
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
		}
		boolean quick = words.contains("quick");
		boolean profile = words.contains("profile");
		// "cpu": the figure is the child process's CPU time from main to done, which other load on a shared
		// machine inflates far less than the wall time.
		boolean cpuClock = words.contains("cpu");
		boolean phases = words.contains("phases");
		int runs = quick ? 1 : 5;
		int largeRuns = quick ? 1 : 3;
		List<Integer> apply = quick ? List.of(50, 200) : List.of(100, 1000, LARGE);
		List<Integer> noop = quick ? List.of(200) : List.of(1000, 10000);
		List<Integer> downgrade = quick ? List.of(50) : List.of(1000);
		int service = quick ? 200 : 1000;
		Set<Engine> engines = EnumSet.of(Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB);
		Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
		boolean micro = true;
		// The floor's alternatives run only when named: they measure one lever each, on one engine.
		Set<Tool> tools = EnumSet.allOf(Tool.class);
		tools.removeIf(Tool::isFloorAlternative);
		boolean rows = false;
		for (String word : words) {
			int equals = word.indexOf('=');
			if (equals < 0) {
				if (!word.equals("quick") && !word.equals("full") && !word.equals("profile") && !word.equals("cpu")
						&& !word.equals("phases")) {
					throw new IllegalArgumentException("Unknown option '" + word + "'; use quick or full, profile, cpu, phases, "
							+ "runs=N, largeruns=N, only=apply,no-op,downgrade,cli,boot,micro, engines=sqlite,postgresql,mariadb, "
							+ "apply=SIZES, noop=SIZES, downgrade=SIZES, service=SIZE, tools=TOOLS, workload=tables|rows");
				}
				continue;
			}
			String key = word.substring(0, equals);
			String value = word.substring(equals + 1);
			switch (key) {
				case "runs" -> {
					runs = Integer.parseInt(value);
					largeRuns = Math.min(largeRuns, runs);
				}
				case "largeruns" -> largeRuns = Integer.parseInt(value);
				case "apply" -> apply = sizes(value);
				case "noop" -> noop = sizes(value);
				case "downgrade" -> downgrade = sizes(value);
				case "service" -> service = Integer.parseInt(value);
				case "workload" -> {
					if (!value.equals("rows") && !value.equals("tables")) {
						throw new IllegalArgumentException("Unknown workload '" + value + "'; use workload=tables or workload=rows");
					}
					rows = value.equals("rows");
				}
				case "tools" -> {
					tools = EnumSet.noneOf(Tool.class);
					for (String name : value.split(",")) {
						tools.add(Tool.valueOf(name.toUpperCase()));
					}
				}
				case "engines" -> {
					engines = EnumSet.noneOf(Engine.class);
					for (String name : value.split(",")) {
						engines.add(Engine.valueOf(name.toUpperCase()));
					}
				}
				case "only" -> {
					scenarios = EnumSet.noneOf(Scenario.class);
					micro = false;
					for (String name : value.split(",")) {
						if (name.equals("micro")) {
							micro = true;
						}
						else {
							scenarios.add(Scenario.of(name));
						}
					}
				}
				default -> throw new IllegalArgumentException("Unknown option '" + key + "' in '" + word + "'");
			}
		}
		return new Options(quick, runs, largeRuns, apply, noop, downgrade, service, engines, scenarios, micro, profile,
				tools, cpuClock, rows, phases);
	}

	private static List<Integer> sizes(String value) {
		List<Integer> sizes = new ArrayList<>();
		for (String size : value.split(",")) {
			sizes.add(Integer.parseInt(size));
		}
		return List.copyOf(sizes);
	}

	/**
	 * The headline figures (apply, no-op and CLI below 5,000 migrations) get {@link #runs()}; boot, downgrade and
	 * the large sizes, which take longest, get {@link #largeRuns()}.
	 * @param scenario the scenario
	 * @param size a workload size
	 * @return how many runs a figure gets
	 */
	int runsFor(Scenario scenario, int size) {
		boolean headline = scenario == Scenario.APPLY || scenario == Scenario.NOOP || scenario == Scenario.CLI;
		return (headline && size < LARGE) ? this.runs : this.largeRuns;
	}

}
