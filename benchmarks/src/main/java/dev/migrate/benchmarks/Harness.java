package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

/**
 * Runs the scenarios: every timed step in a fresh child JVM, every database fresh and uniquely named, tools
 * interleaved (the order rotates per run), and the result of each run checked by counting tables.
 */
final class Harness {

	/** The other helpers' benchmark mains, run as they are and reported verbatim. */
	static final List<String> MICRO_BENCHMARKS = List.of("GraphBenchmark", "SplitterBenchmark",
			"AutogenerateBenchmark", "JpaAutogenerateBenchmark");

	/** The tools of the no-op scenario, in their first run's order. */
	static final List<Tool> NOOP_TOOLS = List.of(Tool.RAW_JDBC, Tool.RAW_CHECK, Tool.MIGRATE, Tool.MIGRATE_JAR,
			Tool.MIGRATE_DIR, Tool.FLYWAY, Tool.LIQUIBASE);

	/** The tools of the Spring Boot scenario: the floor (no tool) first. */
	static final List<Tool> BOOT_TOOLS = List.of(Tool.NO_TOOL, Tool.MIGRATE, Tool.MIGRATE_JAR, Tool.FLYWAY);

	private final Options options;

	private final Path root;

	private final Path workloads;

	private final ChildJvm jvm;

	private final List<Measurement> measurements = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final Map<String, List<String>> micro = new LinkedHashMap<>();

	private final Map<String, List<String>> profiles = new LinkedHashMap<>();

	// A tool whose run takes longer than this gets no further runs at that size (the table says how many it got).
	private static final double SLOW_MILLIS = 60_000;

	// Tools that failed in a scenario on an engine are not retried there: one failure is reported, not twenty.
	private final Map<String, String> broken = new LinkedHashMap<>();

	Harness(Options options, Path root, Path work) {
		this.options = options;
		this.root = root;
		this.workloads = work.resolve("workloads");
		this.jvm = new ChildJvm(work.resolve("logs"), "", options.profile(), options.cpuClock(), options.phases());
		if (options.cpuClock()) {
			note("figures are the child JVM's CPU time (all its threads) from main to done, not wall time: the machine"
					+ " was shared, and other load inflates wall time far more");
		}
	}

	List<Measurement> measurements() {
		return this.measurements;
	}

	List<String> notes() {
		return this.notes;
	}

	Map<String, List<String>> microOutputs() {
		return this.micro;
	}

	Map<String, List<String>> profiles() {
		return this.profiles;
	}

	/**
	 * Runs everything, smallest sizes first (so a run stopped early still holds the headline figures at 1,000),
	 * and calls the checkpoint after each engine's block so results are written as they come.
	 * @param checkpoint called after each block
	 */
	void run(Runnable checkpoint) {
		for (Engine engine : this.options.engines()) {
			if (!TestDatabases.isAvailable(engine)) {
				note(engine.displayName() + " is not available; skipped");
			}
		}
		Set<Scenario> scenarios = this.options.scenarios();
		boolean service = scenarios.contains(Scenario.CLI) || scenarios.contains(Scenario.BOOT);
		TreeSet<Integer> sizes = new TreeSet<>();
		if (scenarios.contains(Scenario.APPLY)) {
			sizes.addAll(this.options.applySizes());
		}
		if (scenarios.contains(Scenario.NOOP)) {
			sizes.addAll(this.options.noopSizes());
		}
		if (scenarios.contains(Scenario.DOWNGRADE)) {
			sizes.addAll(this.options.downgradeSizes());
		}
		if (service) {
			sizes.add(this.options.serviceSize());
		}
		for (int size : sizes) {
			if (scenarios.contains(Scenario.APPLY) && this.options.applySizes().contains(size)) {
				for (Engine engine : engines()) {
					apply(engine, size);
					checkpoint.run();
				}
			}
			if ((scenarios.contains(Scenario.NOOP) && this.options.noopSizes().contains(size))
					|| (service && size == this.options.serviceSize())) {
				for (Engine engine : engines()) {
					applied(engine, size);
					checkpoint.run();
				}
			}
			if (scenarios.contains(Scenario.DOWNGRADE) && this.options.downgradeSizes().contains(size)) {
				for (Engine engine : engines()) {
					downgrade(engine, size);
					checkpoint.run();
				}
			}
		}
		if (this.options.micro()) {
			runMicroBenchmarks();
			checkpoint.run();
		}
	}

	private List<Engine> engines() {
		return this.options.engines().stream().filter(TestDatabases::isAvailable).toList();
	}

	private void apply(Engine engine, int size) {
		Workload workload = Workload.create(this.workloads, size);
		List<Tool> tools = new ArrayList<>(List.of(Tool.RAW_JDBC, Tool.MIGRATE, Tool.FLYWAY, Tool.LIQUIBASE));
		if (engine != Engine.MARIADB) {
			// MariaDB commits DDL implicitly, so one transaction means nothing there.
			tools.add(2, Tool.MIGRATE_ONE_TRANSACTION);
		}
		// The bookkeeping floor after raw JDBC, then the alternatives measured on this engine.
		List<Tool> floors = Arrays.stream(Tool.values()).filter((tool) -> floorRunsOn(tool, engine)).toList();
		tools.addAll(1, floors);
		int runs = this.options.runsFor(Scenario.APPLY, size);
		Set<Tool> slow = EnumSet.noneOf(Tool.class);
		for (int run = 1; run <= runs; run++) {
			for (Tool tool : rotate(tools, run)) {
				if (isBroken(Scenario.APPLY, engine, tool) || slow.contains(tool)) {
					continue;
				}
				try (TestDatabase db = TestDatabases.create(engine)) {
					progress(Scenario.APPLY, engine, size, tool, run, runs);
					ChildJvm.Outcome outcome = child(tool, Action.APPLY, db, workload);
					record(Scenario.APPLY, engine, size, tool, run, outcome, size);
					if (run < runs && outcome.nanos() / 1e6 > SLOW_MILLIS) {
						slow.add(tool);
						note(String.format(Locale.ROOT, "apply %s N=%,d %s: %d run(s) only, as one takes %,.0f s",
								engine.displayName(), size, tool.displayName(), run, outcome.nanos() / 1e9));
					}
				}
			}
		}
	}

	/**
	 * The floor runs on every engine; each alternative to it on the engine whose lever it measures.
	 */
	static boolean floorRunsOn(Tool tool, Engine engine) {
		return switch (tool) {
			case RAW_JDBC_BOOKKEEPING -> true;
			case FLOOR_AUTOINCREMENT, FLOOR_ROWID, FLOOR_VERSION_WITHOUT_ROWID -> engine == Engine.SQLITE;
			case FLOOR_DO_CHECK, FLOOR_CTE_CHECK, FLOOR_INSERT_CHECK, FLOOR_UNCHECKED -> engine == Engine.POSTGRESQL;
			case FLOOR_TWO_TRIPS, FLOOR_ONE_TRIP -> engine == Engine.MARIADB;
			default -> false;
		};
	}

	/**
	 * No-op, CLI and boot all need a database with everything applied: one per tool, set up once (untimed, by the
	 * tool itself), then measured in interleaved runs.
	 */
	private void applied(Engine engine, int size) {
		Workload workload = Workload.create(this.workloads, size, this.options.rows());
		boolean noop = this.options.scenarios().contains(Scenario.NOOP) && this.options.noopSizes().contains(size);
		boolean service = size == this.options.serviceSize();
		Map<Tool, TestDatabase> databases = new EnumMap<>(Tool.class);
		try {
			Set<Tool> wanted = EnumSet.noneOf(Tool.class);
			if (noop) {
				wanted.addAll(NOOP_TOOLS);
			}
			if (service && this.options.scenarios().contains(Scenario.CLI)) {
				wanted.add(Tool.MIGRATE);
			}
			if (service && this.options.scenarios().contains(Scenario.BOOT)) {
				wanted.addAll(BOOT_TOOLS);
			}
			wanted.retainAll(this.options.tools());
			for (Tool tool : wanted) {
				if (tool != Tool.RAW_CHECK) {
					databases.put(tool, TestDatabases.create(engine));
				}
			}
			setUp(engine, size, workload, databases);
			// The check's statements read the database migrate's jar run set up (it has the digest row).
			if (wanted.contains(Tool.RAW_CHECK) && databases.containsKey(Tool.MIGRATE_JAR)) {
				databases.put(Tool.RAW_CHECK, databases.get(Tool.MIGRATE_JAR));
			}
			if (noop) {
				List<Tool> tools = NOOP_TOOLS.stream().filter(this.options.tools()::contains).toList();
				int runs = this.options.runsFor(Scenario.NOOP, size);
				for (int run = 1; run <= runs; run++) {
					for (Tool tool : rotate(tools, run)) {
						if (databases.containsKey(tool) && !isBroken(Scenario.NOOP, engine, tool)) {
							progress(Scenario.NOOP, engine, size, tool, run, runs);
							ChildJvm.Outcome outcome = child(tool, Action.NOOP, databases.get(tool), workload);
							record(Scenario.NOOP, engine, size, tool, run, outcome, workload.tables());
						}
					}
				}
			}
			if (service && this.options.scenarios().contains(Scenario.CLI)) {
				cli(engine, size, databases.get(Tool.MIGRATE), workload);
			}
			if (service && this.options.scenarios().contains(Scenario.BOOT)) {
				boot(engine, size, databases, workload);
			}
		}
		finally {
			databases.remove(Tool.RAW_CHECK);
			databases.values().forEach(TestDatabase::close);
		}
	}

	/**
	 * Sets the databases up, one child per tool at the same time: set-up is untimed, mostly waits on the disk, and
	 * at 10,000 revisions takes minutes per tool. Nothing is timed while it runs.
	 */
	private void setUp(Engine engine, int size, Workload workload, Map<Tool, TestDatabase> databases) {
		Map<Tool, Future<ChildJvm.Outcome>> running = new EnumMap<>(Tool.class);
		ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, databases.size()));
		try {
			for (Map.Entry<Tool, TestDatabase> entry : databases.entrySet()) {
				Tool tool = entry.getKey();
				// Raw JDBC sets its database up with the same N tables (its own statements, no bookkeeping): on
				// SQLite, opening a file of 10,000 tables costs a connect-and-query far more than an empty one, and
				// that cost belongs to the floor. The tool-less application only runs SELECT 1: nothing to set up.
				if (tool != Tool.NO_TOOL) {
					System.out.printf("[bench] set-up   %-10s N=%-6d %s%n", engine.displayName(), size, tool.displayName());
					running.put(tool, executor.submit(() -> child(tool, Action.SETUP, entry.getValue(), workload)));
				}
			}
			for (Map.Entry<Tool, Future<ChildJvm.Outcome>> entry : running.entrySet()) {
				Tool tool = entry.getKey();
				ChildJvm.Outcome outcome = entry.getValue().get();
				if (outcome.failed() || outcome.tables() != workload.tables()) {
					String reason = outcome.failed() ? outcome.error()
							: "set-up created " + outcome.tables() + " tables, expected " + workload.tables();
					for (Scenario scenario : Scenario.values()) {
						markBroken(scenario, engine, tool, reason);
					}
					note(engine.displayName() + " N=" + size + " " + tool.displayName() + " set-up failed: " + reason);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting up " + engine.displayName(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Set-up on " + engine.displayName() + " failed", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private void cli(Engine engine, int size, TestDatabase db, Workload workload) {
		Path jar = this.root.resolve("migrate-cli/target/migrate.jar");
		if (!Files.isRegularFile(jar)) {
			note("cli: " + jar + " does not exist; build it with ./mvnw -B -q -pl migrate-cli -am package -DskipTests");
			return;
		}
		if (isBroken(Scenario.CLI, engine, Tool.MIGRATE)) {
			return;
		}
		List<String> args = new ArrayList<>(List.of("current", "--url", db.url()));
		if (db.user() != null && !db.user().isEmpty()) {
			args.addAll(List.of("--user", db.user()));
		}
		args.addAll(List.of("--locations", "filesystem:" + workload.migrateDirectory()));
		String head = Workload.revisionId(size);
		int runs = this.options.runsFor(Scenario.CLI, size);
		for (int run = 1; run <= runs; run++) {
			progress(Scenario.CLI, engine, size, Tool.MIGRATE, run, runs);
			ChildJvm.Outcome outcome = this.jvm.runJar("cli-" + engine.name().toLowerCase(), jar, 120, args);
			String error = outcome.error();
			if (error == null && outcome.output().stream().noneMatch((line) -> line.contains(head))) {
				error = "output does not name the head " + head + ": " + outcome.output();
			}
			if (error != null) {
				note("cli " + engine.displayName() + " N=" + size + ": " + error);
			}
			add(new Measurement(Scenario.CLI, engine, size, Tool.MIGRATE, run, -1, outcome.wallNanos() / 1e6, -1,
					error));
		}
	}

	private void boot(Engine engine, int size, Map<Tool, TestDatabase> databases, Workload workload) {
		List<Tool> tools = BOOT_TOOLS.stream().filter(databases::containsKey).toList();
		int runs = this.options.runsFor(Scenario.BOOT, size);
		for (int run = 1; run <= runs; run++) {
			for (Tool tool : rotate(tools, run)) {
				if (isBroken(Scenario.BOOT, engine, tool)) {
					continue;
				}
				TestDatabase db = databases.get(tool);
				String location = switch (tool) {
					case FLYWAY -> workload.flywayDirectory().toString();
					case MIGRATE_JAR -> "jar:" + workload.indexedJar();
					default -> workload.migrateDirectory().toString();
				};
				progress(Scenario.BOOT, engine, size, tool, run, runs);
				ChildJvm.Outcome outcome = this.jvm.runTool(label(Scenario.BOOT, engine, tool), BootMain.class.getName(),
						timeout(size), List.of(tool.name(), db.url(), nullToEmpty(db.user()), location));
				record(Scenario.BOOT, engine, size, tool, run, outcome, (tool == Tool.NO_TOOL) ? 0 : workload.tables());
			}
		}
	}

	private void downgrade(Engine engine, int size) {
		Workload workload = Workload.create(this.workloads, size);
		List<Tool> tools = List.of(Tool.RAW_JDBC, Tool.MIGRATE, Tool.LIQUIBASE);
		int runs = this.options.runsFor(Scenario.DOWNGRADE, size);
		for (int run = 1; run <= runs; run++) {
			for (Tool tool : rotate(tools, run)) {
				if (isBroken(Scenario.DOWNGRADE, engine, tool)) {
					continue;
				}
				try (TestDatabase db = TestDatabases.create(engine)) {
					ChildJvm.Outcome setup = child(tool, Action.APPLY, db, workload);
					if (setup.failed()) {
						record(Scenario.DOWNGRADE, engine, size, tool, run, setup, size);
						continue;
					}
					progress(Scenario.DOWNGRADE, engine, size, tool, run, runs);
					ChildJvm.Outcome outcome = child(tool, Action.DOWNGRADE, db, workload);
					record(Scenario.DOWNGRADE, engine, size, tool, run, outcome, 0);
				}
			}
		}
	}

	private void runMicroBenchmarks() {
		for (String name : MICRO_BENCHMARKS) {
			String className = getClass().getPackageName() + "." + name;
			try {
				Class.forName(className, false, getClass().getClassLoader());
			}
			catch (ClassNotFoundException ex) {
				note(name + " is not in the benchmarks module yet; skipped");
				continue;
			}
			System.out.printf("[bench] %s%n", name);
			List<String> args = this.options.quick() ? List.of("quick") : List.of();
			ChildJvm.Outcome outcome = this.jvm.runMain(name, className, 1800, args);
			if (outcome.failed()) {
				note(name + " failed: " + outcome.error());
			}
			this.micro.put(name, outcome.output());
		}
	}

	private ChildJvm.Outcome child(Tool tool, Action action, TestDatabase db, Workload workload) {
		return this.jvm.runTool(label(action, db.engine(), tool), ChildMain.class.getName(), timeout(workload.size()),
				List.of(tool.name(), action.name(), db.url(), nullToEmpty(db.user()), workload.directory().toString(),
						String.valueOf(workload.size())));
	}

	private void record(Scenario scenario, Engine engine, int size, Tool tool, int run, ChildJvm.Outcome outcome,
			int expectedTables) {
		String error = outcome.error();
		if (error == null && outcome.nanos() < 0) {
			error = "the child printed no timing";
		}
		if (error == null && outcome.tables() != expectedTables) {
			error = "expected " + expectedTables + " benchmark tables afterwards, found " + outcome.tables();
		}
		if (error != null) {
			markBroken(scenario, engine, tool, error);
			note(scenario.id() + " " + engine.displayName() + " N=" + size + " " + tool.displayName() + ": " + error);
		}
		add(new Measurement(scenario, engine, size, tool, run, outcome.nanos() / 1e6, outcome.wallNanos() / 1e6,
				outcome.classes(), error));
		outcome.output()
			.stream()
			.filter((line) -> line.startsWith(Phases.PHASES))
			.forEach((line) -> System.out.println("[bench]          " + line));
		if (error == null && outcome.recording() != null) {
			try {
				List<String> profile = profile(scenario, outcome);
				profile.forEach((line) -> System.out.println("[bench] " + line));
				this.profiles.put(scenario.id() + " " + engine.displayName() + " N=" + size + " " + tool.displayName()
						+ " run " + run, profile);
			}
			catch (IOException ex) {
				note("Could not read " + outcome.recording() + ": " + ex.getMessage());
			}
		}
	}

	// A no-op's profile keeps only its timed span, on every thread (the index check runs beside the connection);
	// the others', the main thread from its start.
	private static List<String> profile(Scenario scenario, ChildJvm.Outcome outcome) throws IOException {
		String window = outcome.output()
			.stream()
			.filter((line) -> line.startsWith(ChildMain.WINDOW))
			.findFirst()
			.orElse(null);
		if (scenario != Scenario.NOOP || window == null) {
			return Profile.summarize(outcome.recording());
		}
		String[] span = window.substring(ChildMain.WINDOW.length()).trim().split(" ");
		return Profile.summarize(outcome.recording(), (thread) -> true, "every thread in the timed span",
				java.time.Instant.ofEpochMilli(Long.parseLong(span[0])),
				java.time.Instant.ofEpochMilli(Long.parseLong(span[1]) + 1));
	}

	private void add(Measurement measurement) {
		this.measurements.add(measurement);
		if (measurement.failed()) {
			System.out.println("[bench]          FAILED (see the note above)");
		}
		else {
			System.out.printf("[bench]          %,.0f ms (wall %,.0f ms)%n", measurement.millis(),
					measurement.wallMillis());
		}
	}

	private boolean isBroken(Scenario scenario, Engine engine, Tool tool) {
		return !this.options.tools().contains(tool) || this.broken.containsKey(scenario + "/" + engine + "/" + tool);
	}

	private void markBroken(Scenario scenario, Engine engine, Tool tool, String reason) {
		this.broken.putIfAbsent(scenario + "/" + engine + "/" + tool, reason);
	}

	private void note(String note) {
		System.out.println("[bench] note: " + note);
		// The notes are published in benchmarks/README.md: paths there are the clone's, not this machine's.
		this.notes.add(note.replace(this.root.toAbsolutePath() + "/", ""));
	}

	private static void progress(Scenario scenario, Engine engine, int size, Tool tool, int run, int runs) {
		System.out.printf("[bench] %-9s %-10s N=%-6d %-16s run %d/%d%n", scenario.id(), engine.displayName(), size,
				tool.displayName(), run, runs);
	}

	private static String label(Object what, Engine engine, Tool tool) {
		return (what.toString() + "-" + engine.name() + "-" + tool.name()).toLowerCase();
	}

	private static long timeout(int size) {
		return Math.min(900, 120 + size / 5L);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	// Run r starts at a different tool, so no tool always runs first (cold caches) or last.
	static <T> List<T> rotate(List<T> items, int run) {
		List<T> rotated = new ArrayList<>(items.size());
		int offset = (run - 1) % items.size();
		for (int i = 0; i < items.size(); i++) {
			rotated.add(items.get((i + offset) % items.size()));
		}
		return rotated;
	}

}
