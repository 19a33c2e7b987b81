package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

/**
 * Steady state: requests per second of {@code /actuator/health} and {@code /actuator/migrations} (its default
 * page of 100 revisions, a page of 10, and a page of 10 with 10 history rows, the same answer at every size of 10
 * or more) served by a Spring Boot application that found N revisions applied at
 * startup, for N = 10 and 10,000 by default. In each run one application per size runs side by side, each on a
 * random loopback port and warmed up (the fixed warm-up, then until the JIT compilers are quiet); then each request is loaded by {@link LoadLoop} (a few threads, keep-alive)
 * on the sizes in turns of one second, the order rotating, so that both sizes meet the same load from the rest of
 * the machine. Prints the medians and, per endpoint, the ratio of the largest size's throughput to the
 * smallest's. The scripts are in a jar on the application's class path, as a packaged
 * application holds them ({@code location=filesystem}: a script directory instead, whose files the script cache
 * checks on every request).
 *
 * <pre>
 * benchmarks/run.sh only=steady                                 SQLite, PostgreSQL and MariaDB, 3 runs of 10 s
 * benchmarks/run.sh only=steady engines=sqlite runs=1 seconds=5
 * benchmarks/run.sh only=steady profile                         then JFR of the largest size's server threads
 * benchmarks/run.sh only=steady location=filesystem             scripts in a directory instead of a jar
 * benchmarks/run.sh only=steady probe                           the health path call by call in one JVM (SQLite)
 * benchmarks/run.sh only=steady perf                            then each size under Linux perf, by shared object
 * </pre>
 */
public final class SteadyStateBenchmark {

	// The default page lists 100 revisions of 10,000 but all 10 of 10, and the 20 newest history rows (10 at N=10);
	// the page of 10 still holds 20 history rows against 10. The page of 10 with 10 history rows is the same answer
	// at both sizes (10 revisions, 10 history rows), so it shows what grows with the revisions apart from the
	// answer's length.
	static final List<String> ENDPOINTS = List.of("/actuator/health", "/actuator/migrations",
			"/actuator/migrations?size=10", "/actuator/migrations?size=10&history=10");

	// The names endpoints= takes, in the order of ENDPOINTS.
	private static final List<String> ENDPOINT_NAMES = List.of("health", "migrations", "page10", "same10");

	// The share of the application's CPU below which the JIT compilers count as quiet after the warm-up.
	private static final double JIT_QUIET_SHARE = 0.03;

	private SteadyStateBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.parse(String.join(" ", args));
		if (settings.probe()) {
			// SQLite only: the probe sets up its own files under benchmarks/target/health-probe/.
			HealthPathProbe.main(new String[] { settings.sizes().stream().map(String::valueOf)
				.collect(java.util.stream.Collectors.joining(",")), "9", "4000", String.valueOf(settings.threads()) });
			return;
		}
		Path work = Path.of("benchmarks", "target", "steady");
		Files.createDirectories(work);
		ChildJvm jvm = new ChildJvm(work.resolve("logs"), "", false);
		SteadyStateTable table = new SteadyStateTable();
		List<String> notes = new ArrayList<>();
		List<String> profiles = new ArrayList<>();
		List<String> threads = new ArrayList<>();
		List<String> warmUps = new ArrayList<>();
		List<String> natives = new ArrayList<>();
		if (settings.perf() && !NativeProfile.available()) {
			throw new IllegalStateException("perf: Linux perf is not on the path here; install it (linux-perf) or "
					+ "leave the perf option out");
		}
		Instant started = Instant.now();
		for (Engine engine : settings.engines()) {
			if (!TestDatabases.isAvailable(engine)) {
				notes.add(engine.displayName() + " is not available; skipped");
				continue;
			}
			Map<Integer, TestDatabase> databases = new java.util.TreeMap<>();
			Map<Integer, Workload> workloads = new java.util.TreeMap<>();
			try {
				for (int size : settings.sizes()) {
					Workload workload = Workload.create(work.resolve("workloads"), size);
					TestDatabase db = TestDatabases.create(engine);
					databases.put(size, db);
					workloads.put(size, workload);
					System.out.printf("[steady] set-up %-10s N=%,d%n", engine.displayName(), size);
					ChildJvm.Outcome setUp = jvm.runTool(("setup-" + engine + "-" + size).toLowerCase(Locale.ROOT),
							ChildMain.class.getName(), Math.min(900, 120 + size / 5L),
							List.of(Tool.MIGRATE.name(), Action.SETUP.name(), db.url(), nullToEmpty(db.user()),
									workload.directory().toString(), String.valueOf(size)));
					if (setUp.failed() || setUp.tables() != size) {
						throw new IllegalStateException("Set-up of " + engine.displayName() + " N=" + size + " failed: "
								+ (setUp.failed() ? setUp.error() : setUp.tables() + " tables"));
					}
				}
				for (int run = 1; run <= settings.runs(); run++) {
					System.out.printf("[steady] run %d/%d %-10s N=%s side by side%n", run, settings.runs(),
							engine.displayName(), settings.sizes());
					Map<Integer, Server> servers = new java.util.TreeMap<>();
					try {
						for (int size : Harness.rotate(settings.sizes(), run)) {
							servers.put(size, Server.start(work, engine, size, databases.get(size),
									settings.scripts(workloads.get(size)), null));
						}
						for (Map.Entry<Integer, Server> server : servers.entrySet()) {
							int settled = warmUp(server.getValue(), settings);
							String line = String.format(Locale.ROOT, "run %d, N=%d: %s", run, server.getKey(),
									(settled >= 0) ? "JIT quiet after " + settled + " s more"
											: "JIT still busy after " + settings.settleSeconds() + " s more");
							System.out.println("[steady]   " + line);
							warmUps.add(line);
						}
						if (settings.holdSeconds() > 0) {
							// Time to attach a tool (perf probe, strace) to the warmed-up applications by hand.
							servers.forEach((size, server) -> System.out.printf(Locale.ROOT, "[steady]   hold: N=%d pid %d "
									+ "port %d%n", size, server.process().pid(), server.port()));
							Thread.sleep(settings.holdSeconds() * 1000L);
						}
						for (String endpoint : settings.endpoints()) {
							measure(engine, endpoint, servers, run, settings, table, notes, threads);
						}
						if (settings.perf()) {
							for (String endpoint : settings.endpoints()) {
								natives.addAll(nativeProfile(work, engine, endpoint, servers, run, settings));
							}
						}
					}
					finally {
						for (Server server : servers.values()) {
							server.close();
						}
					}
				}
				if (settings.profile()) {
					// Each size in turn, alone: the samples, allocations and collections per answer compare the sizes.
					for (int size : settings.sizes()) {
						profiles.addAll(profile(work, engine, size, databases.get(size), workloads.get(size), settings));
					}
				}
			}
			finally {
				databases.values().forEach(TestDatabase::close);
			}
		}
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT,
				"Steady state, %s: median requests/s over %d runs of %d s per endpoint (%d client threads, keep-alive, "
						+ "loopback, after %d s of warm-up per application; scripts in %s)%n%n",
				started.toString().substring(0, 10), settings.runs(), settings.seconds(), settings.threads(),
				settings.warmUpSeconds(), settings.jar() ? "a jar on the class path" : "a directory (filesystem:)"));
		report.append(table.toMarkdown());
		if (settings.settleSeconds() > 0) {
			report.append(String.format(Locale.ROOT, "%nWarm-up beyond the %d s per request, until the JIT compilers took "
					+ "under %.0f%% of the application's CPU over one turn of the requests (at most %d s): %s%n",
					settings.warmUpSeconds(), JIT_QUIET_SHARE * 100, settings.settleSeconds(), String.join("; ", warmUps)));
		}
		notes.forEach((note) -> report.append("\n- ").append(note));
		if (!threads.isEmpty()) {
			report.append("\n\nThe application's CPU µs per answer by thread (Linux's per-thread times, 10 ms ticks summed "
					+ "over each run's turns; the kernel's 15-character names, numbers dropped):\n\n```\n")
				.append(String.join("\n", threads))
				.append("\n```\n");
		}
		if (!natives.isEmpty()) {
			report.append("\n\nThe application's CPU per answer by shared object, native code and the kernel included ("
					+ "perf record of all its threads at " + NativeProfile.HZ + " Hz while loaded, each size in turn; "
					+ "then the hottest instructions of SQLite's driver library):\n\n```\n")
				.append(String.join("\n", natives))
				.append("\n```\n");
		}
		if (!profiles.isEmpty()) {
			report.append("\n\n```\n").append(String.join("\n", profiles)).append("\n```\n");
		}
		Files.writeString(work.resolve("results.md"), report, StandardCharsets.UTF_8);
		System.out.println();
		System.out.println(report);
	}

	private static List<String> profile(Path work, Engine engine, int size, TestDatabase db, Workload workload,
			Settings settings) throws IOException, InterruptedException {
		Path recording = work.resolve(("steady-" + engine + "-" + size + ".jfr").toLowerCase(Locale.ROOT));
		// Only the samples of the measured load count: not the start-up's script load or the warm-up.
		Instant loaded;
		long answers = 0;
		try (Server server = Server.start(work, engine, size, db, settings.scripts(workload), recording)) {
			warmUp(server, settings);
			loaded = Instant.now();
			for (String endpoint : settings.endpoints()) {
				answers += new LoadLoop(settings.threads()).run(server.uri(endpoint), Duration.ofSeconds(settings.seconds()))
					.ok();
			}
		}
		List<String> lines = new ArrayList<>();
		lines.add(engine.displayName() + " N=" + size + ", " + String.join(" then ", settings.endpoints()) + " loaded "
				+ settings.seconds() + " s each: " + answers + " answers");
		// The script cache's check runs beside each request, on a thread of its own.
		java.util.function.Predicate<String> threads = (name) -> (name.startsWith("http-nio") && name.contains("-exec-"))
				|| name.startsWith("migrate-script");
		lines.addAll(Profile.perAnswer(recording, threads, loaded, answers));
		lines.addAll(Profile.summarize(recording, threads,
				"the web server's request threads and the script loader's, after the warm-up", loaded));
		return lines;
	}

	/**
	 * Loads one request on each size's application in turn, for the measured seconds each, while {@code perf}
	 * samples that application (see {@link NativeProfile}).
	 * @return the table of µs per answer by shared object, with a heading line
	 */
	private static List<String> nativeProfile(Path work, Engine engine, String endpoint, Map<Integer, Server> servers,
			int run, Settings settings) throws IOException, InterruptedException {
		Map<Integer, Map<String, Double>> bySize = new java.util.TreeMap<>();
		Map<Integer, Long> answers = new java.util.TreeMap<>();
		for (int size : Harness.rotate(List.copyOf(servers.keySet()), run)) {
			Server server = servers.get(size);
			Duration duration = Duration.ofSeconds(settings.seconds());
			String name = "perf-" + engine + "-" + size + "-run" + run + "-request" + (ENDPOINTS.indexOf(endpoint) + 1)
					+ ".data";
			NativeProfile perf = NativeProfile.start(server.process().pid(), duration,
					work.resolve("perf").resolve(name.toLowerCase(Locale.ROOT)));
			LoadLoop.Result result = new LoadLoop(settings.threads()).run(server.uri(endpoint), duration);
			bySize.put(size, perf.microsPerAnswer(result.ok()));
			answers.put(size, result.ok());
		}
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "run %d, %s %s, answers %s:", run, engine.displayName(), endpoint,
				answers.entrySet().stream().map((e) -> "N=" + e.getKey() + " " + e.getValue())
					.collect(java.util.stream.Collectors.joining(", "))));
		lines.addAll(NativeProfile.table(bySize));
		lines.forEach((line) -> System.out.println("[steady]   " + line));
		return lines;
	}

	/**
	 * Loads one request on every size's application in turns of one second, the order rotating from turn to turn,
	 * so that both sizes meet the same load from the rest of the machine; adds each size's totals to the table.
	 */
	private static void measure(Engine engine, String endpoint, Map<Integer, Server> servers, int run,
			Settings settings, SteadyStateTable table, List<String> notes, List<String> threads)
			throws InterruptedException {
		Map<Integer, LoadLoop> loops = new java.util.TreeMap<>();
		Map<Integer, Totals> totals = new java.util.TreeMap<>();
		Map<Integer, Map<String, Long>> threadMillis = new java.util.TreeMap<>();
		servers.keySet().forEach((size) -> loops.put(size, new LoadLoop(settings.threads())));
		List<Integer> sizes = List.copyOf(servers.keySet());
		for (int turn = 0; turn < settings.seconds(); turn++) {
			for (int size : Harness.rotate(sizes, run + turn)) {
				Server server = servers.get(size);
				Duration cpuBefore = server.cpu();
				Map<String, Long> threadsBefore = ProcessThreadCpu.millisByGroup(server.process().pid());
				LoadLoop.Result result = loops.get(size).run(server.uri(endpoint), Duration.ofSeconds(1));
				Map<String, Long> threadsAfter = ProcessThreadCpu.millisByGroup(server.process().pid());
				Duration cpuAfter = server.cpu();
				ProcessThreadCpu.minus(threadsAfter, threadsBefore)
					.forEach((name, millis) -> threadMillis.computeIfAbsent(size, (k) -> new java.util.TreeMap<>())
						.merge(name, millis, Long::sum));
				long cpu = (cpuBefore == null || cpuAfter == null) ? -1 : cpuAfter.minus(cpuBefore).toNanos();
				totals.merge(size, Totals.of(result, cpu), Totals::plus);
			}
		}
		totals.forEach((size, total) -> {
			System.out.printf(Locale.ROOT,
					"[steady]   N=%-6d %-28s %,10.0f req/s  %s/answer  %,.0f µs CPU/answer  %d errors%n", size, endpoint,
					total.perSecond(), SteadyStateTable.humanBytes(total.bytesPerAnswer()), total.cpuMicrosPerAnswer(),
					total.errors());
			if (total.errors() > 0) {
				notes.add(engine.displayName() + " N=" + size + " " + endpoint + ": " + total.errors()
						+ " errors, first: " + total.firstError());
			}
			table.add(engine, endpoint, size, total.perSecond(), total.bytesPerAnswer(), total.cpuMicrosPerAnswer());
			String byThread = byThread(threadMillis.getOrDefault(size, Map.of()), total.ok());
			System.out.printf(Locale.ROOT, "[steady]   N=%-6d %-28s CPU µs/answer by thread: %s%n", size, endpoint,
					byThread);
			threads.add(String.format(Locale.ROOT, "run %d, N=%d, %s: %s", run, size, endpoint, byThread));
		});
	}

	/**
	 * One size's answers over the turns of one request.
	 *
	 * @param ok the {@code 200} answers
	 * @param errors the other answers and failed requests
	 * @param bytes the body bytes of the {@code 200} answers
	 * @param nanos the time loaded
	 * @param cpuNanos the application's CPU time meanwhile, negative when unknown
	 * @param firstError the first error, or {@code null}
	 */
	private record Totals(long ok, long errors, long bytes, long nanos, long cpuNanos, String firstError) {

		static Totals of(LoadLoop.Result result, long cpuNanos) {
			return new Totals(result.ok(), result.errors(), result.bytes(), result.nanos(), cpuNanos,
					result.firstError());
		}

		Totals plus(Totals other) {
			return new Totals(this.ok + other.ok, this.errors + other.errors, this.bytes + other.bytes,
					this.nanos + other.nanos, (this.cpuNanos < 0 || other.cpuNanos < 0) ? -1 : this.cpuNanos + other.cpuNanos,
					(this.firstError != null) ? this.firstError : other.firstError);
		}

		double perSecond() {
			return this.ok * 1e9 / this.nanos;
		}

		long bytesPerAnswer() {
			return (this.ok == 0) ? 0 : this.bytes / this.ok;
		}

		double cpuMicrosPerAnswer() {
			return (this.cpuNanos < 0 || this.ok == 0) ? -1 : this.cpuNanos / 1000.0 / this.ok;
		}

	}

	// The process's threads by CPU per answer, largest first (10 ms ticks summed over the turns).
	private static String byThread(Map<String, Long> millis, long answers) {
		return millis.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map((entry) -> String.format(Locale.ROOT, "%s %.0f", entry.getKey(),
					entry.getValue() * 1000.0 / Math.max(1, answers)))
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/**
	 * Loads every request for the warm-up's seconds, then goes on loading them in turns until the JIT compilers
	 * are quiet: until they took less than {@link #JIT_QUIET_SHARE} of the application's CPU over one turn of all
	 * the requests, or {@code settle} seconds have passed. A compiler still busy in the measured seconds adds its
	 * CPU to the answers' (as much as a third of it after 10 s, measured), and more to one application than to
	 * the other: that is start-up, not steady state.
	 * @return the seconds loaded after the fixed warm-up, or {@code -1} when the compilers were still busy
	 */
	private static int warmUp(Server server, Settings settings) throws InterruptedException {
		for (String endpoint : settings.endpoints()) {
			LoadLoop.Result result = new LoadLoop(settings.threads())
				.run(server.uri(endpoint), Duration.ofSeconds(settings.warmUpSeconds()));
			if (result.ok() == 0) {
				throw new IllegalStateException("No answer from " + server.uri(endpoint) + ": " + result.firstError()
						+ " (log: " + server.log() + ")");
			}
		}
		int seconds = 0;
		while (seconds < settings.settleSeconds()) {
			Map<String, Long> before = ProcessThreadCpu.millisByGroup(server.process().pid());
			for (String endpoint : settings.endpoints()) {
				new LoadLoop(settings.threads()).run(server.uri(endpoint), Duration.ofSeconds(1));
				seconds++;
			}
			Map<String, Long> spent = ProcessThreadCpu.minus(ProcessThreadCpu.millisByGroup(server.process().pid()),
					before);
			long all = spent.values().stream().mapToLong(Long::longValue).sum();
			long jit = spent.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().contains("CompilerThre"))
				.mapToLong(Map.Entry::getValue)
				.sum();
			if (all > 0 && jit < all * JIT_QUIET_SHARE) {
				return seconds;
			}
		}
		return (settings.settleSeconds() == 0) ? 0 : -1;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * What to run.
	 *
	 * @param engines the engines
	 * @param sizes the numbers of applied revisions, smallest first
	 * @param runs the runs per size
	 * @param seconds the measured time per endpoint and run
	 * @param warmUpSeconds the warm-up per endpoint, after every start
	 * @param settleSeconds the most seconds of further warm-up while the JIT compilers are busy (0: none)
	 * @param threads the client threads
	 * @param profile whether to record one more run of each size with JFR, one size at a time
	 * @param perf whether each run also samples each size with Linux perf ({@link NativeProfile})
	 * @param holdSeconds how long to wait after the warm-up, the applications' pids printed (0: not at all)
	 * @param probe whether to run {@link HealthPathProbe} on SQLite instead of the applications
	 * @param jar whether the scripts are in a jar on the class path (else in a directory)
	 * @param endpoints the requests to load, from {@link #ENDPOINTS}
	 */
	record Settings(List<Engine> engines, List<Integer> sizes, int runs, int seconds, int warmUpSeconds,
			int settleSeconds, int threads, boolean profile, boolean perf, int holdSeconds, boolean probe, boolean jar,
			List<String> endpoints) {

		/**
		 * @param workload the workload
		 * @return its scripts as {@link SteadyMain} takes them
		 */
		String scripts(Workload workload) {
			return this.jar ? "jar:" + workload.indexedJar().toAbsolutePath()
					: workload.migrateDirectory().toAbsolutePath().toString();
		}

		static Settings parse(String args) {
			List<Engine> engines = List.of(Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB);
			List<Integer> sizes = List.of(10, 10_000);
			int runs = 3;
			int seconds = 10;
			int warmUp = 10;
			int settle = 60;
			int threads = 4;
			boolean profile = false;
			boolean perf = false;
			int hold = 0;
			boolean probe = false;
			boolean jar = true;
			List<String> endpoints = ENDPOINTS;
			for (String arg : args.trim().split("\\s+")) {
				String value = arg.substring(arg.indexOf('=') + 1);
				if (arg.isEmpty() || arg.equals("only=steady") || arg.equals("full") || arg.equals("quick")) {
					continue;
				}
				if (arg.equals("profile")) {
					profile = true;
				}
				else if (arg.equals("perf")) {
					perf = true;
				}
				else if (arg.startsWith("hold=")) {
					hold = Integer.parseInt(value);
				}
				else if (arg.equals("probe")) {
					probe = true;
				}
				else if (arg.startsWith("engines=")) {
					engines = Arrays.stream(value.split(",")).map(SteadyStateBenchmark::engine).toList();
				}
				else if (arg.startsWith("sizes=")) {
					sizes = Arrays.stream(value.split(",")).map(Integer::valueOf).sorted().toList();
				}
				else if (arg.startsWith("runs=")) {
					runs = Integer.parseInt(value);
				}
				else if (arg.startsWith("seconds=")) {
					seconds = Integer.parseInt(value);
				}
				else if (arg.startsWith("warmup=")) {
					warmUp = Integer.parseInt(value);
				}
				else if (arg.startsWith("settle=")) {
					settle = Integer.parseInt(value);
				}
				else if (arg.startsWith("threads=")) {
					threads = Integer.parseInt(value);
				}
				else if (arg.equals("location=jar") || arg.equals("location=filesystem")) {
					jar = value.equals("jar");
				}
				else if (arg.startsWith("endpoints=")) {
					endpoints = Arrays.stream(value.split(",")).map(SteadyStateBenchmark::endpoint).toList();
				}
				else {
					throw new IllegalArgumentException("Unknown option '" + arg + "' for only=steady; use engines=, "
							+ "sizes=, runs=, seconds=, warmup=, settle=, threads=, location=jar|filesystem, endpoints=health,migrations,page10,same10, "
							+ "hold=, profile, perf or probe");
				}
			}
			return new Settings(engines, sizes, runs, seconds, warmUp, settle, threads, profile, perf, hold, probe, jar,
					endpoints);
		}

	}

	private static String endpoint(String name) {
		int i = ENDPOINT_NAMES.indexOf(name);
		if (i < 0) {
			throw new IllegalArgumentException(
					"Unknown endpoint '" + name + "'; use health, migrations, page10 or same10");
		}
		return ENDPOINTS.get(i);
	}

	private static Engine engine(String name) {
		for (Engine engine : Engine.values()) {
			if (engine.name().equalsIgnoreCase(name) || engine.displayName().equalsIgnoreCase(name)) {
				return engine;
			}
		}
		throw new IllegalArgumentException("Unknown engine '" + name + "'; use sqlite, postgresql or mariadb");
	}

	/** One running application, stopped by closing its standard input. */
	private record Server(Process process, int port, Path log) implements AutoCloseable {

		static Server start(Path work, Engine engine, int size, TestDatabase db, String scripts, Path recording)
				throws IOException, InterruptedException {
			Files.createDirectories(work.resolve("logs"));
			Path log = work.resolve("logs").resolve(("app-" + engine + "-" + size + "-" + System.nanoTime() + ".log")
				.toLowerCase(Locale.ROOT));
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dfile.encoding=UTF-8"));
			if (recording != null) {
				command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
			}
			command.addAll(List.of("-cp", ChildJvm.applicationClasspath(System.getProperty("java.class.path")),
					SteadyMain.class.getName(), db.url(), nullToEmpty(db.user()), scripts));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("BENCH_DB_PASSWORD", nullToEmpty(db.password()));
			Process process = builder.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
			while (System.nanoTime() < deadline) {
				for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
					if (line.startsWith(SteadyMain.PORT)) {
						return new Server(process, Integer.parseInt(line.substring(SteadyMain.PORT.length()).trim()), log);
					}
				}
				if (!process.isAlive()) {
					throw new IllegalStateException("The application exited with " + process.exitValue() + " (log: "
							+ log + ")");
				}
				Thread.sleep(100);
			}
			process.destroyForcibly().waitFor();
			throw new IllegalStateException("The application did not start within 300 s (log: " + log + ")");
		}

		/**
		 * @return the application's CPU time so far (all its threads), or {@code null} when the system does not tell
		 */
		Duration cpu() {
			return this.process.info().totalCpuDuration().orElse(null);
		}

		URI uri(String endpoint) {
			return URI.create("http://127.0.0.1:" + this.port + endpoint);
		}

		@Override
		public void close() throws IOException, InterruptedException {
			try (OutputStream input = this.process.getOutputStream()) {
				// closing it is the signal
			}
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
