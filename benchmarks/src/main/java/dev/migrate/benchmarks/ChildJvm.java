package dev.migrate.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Starts fresh JVMs with this module's runtime classpath (or a jar), each writing to its own log, and reads
 * back what they report.
 */
final class ChildJvm {

	private static final Pattern SETUP_ONLY = Pattern.compile("(testcontainers|docker-java|duct-tape|jna-|junit|"
			+ "opentest4j|apiguardian|assertj|byte-buddy|migrate-test-support|h2-|mssql-jdbc|mysql-connector)");

	private final Path logDirectory;

	private final String password;

	private final boolean profile;

	private final AtomicInteger sequence = new AtomicInteger();

	/**
	 * @param logDirectory where each child's output goes
	 * @param password the database password, passed in the environment
	 * @param profile whether to record migrate's runs with JFR (which slows them down)
	 */
	private final boolean cpuClock;

	ChildJvm(Path logDirectory, String password, boolean profile) {
		this(logDirectory, password, profile, false);
	}

	private final boolean phases;

	ChildJvm(Path logDirectory, String password, boolean profile, boolean cpuClock) {
		this(logDirectory, password, profile, cpuClock, false);
	}

	ChildJvm(Path logDirectory, String password, boolean profile, boolean cpuClock, boolean phases) {
		this.phases = phases;
		this.cpuClock = cpuClock;
		this.logDirectory = logDirectory;
		this.password = password;
		this.profile = profile;
	}

	/**
	 * Runs a main class of this module in a fresh JVM, with this module's whole classpath (the micro benchmarks).
	 * @param label a short name for the log file
	 * @param mainClass the class
	 * @param timeoutSeconds when to give up
	 * @param args its arguments
	 * @return what happened
	 */
	Outcome runMain(String label, String mainClass, long timeoutSeconds, List<String> args) {
		return runMain(label, mainClass, timeoutSeconds, args, false);
	}

	/**
	 * Runs a timed tool step in a fresh JVM, with {@link #applicationClasspath the application's classpath}.
	 * @param label a short name for the log file
	 * @param mainClass the class
	 * @param timeoutSeconds when to give up
	 * @param args its arguments
	 * @return what happened
	 */
	Outcome runTool(String label, String mainClass, long timeoutSeconds, List<String> args) {
		return runMain(label, mainClass, timeoutSeconds, args, true);
	}

	private Outcome runMain(String label, String mainClass, long timeoutSeconds, List<String> args,
			boolean applicationOnly) {
		List<String> command = new ArrayList<>(jvm());
		Path recording = null;
		if (this.profile && (label.contains("migrate") || label.contains("no_tool"))) {
			recording = this.logDirectory.resolve(label + "-" + System.nanoTime() + ".jfr");
			command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=" + samplingSettings());
		}
		if (this.profile && label.startsWith("boot")) {
			// Each start's CPU per Spring step and per thread, in its log (see StartupCpu).
			command.add("-D" + StartupCpu.PROPERTY + "=true");
		}
		if (this.cpuClock) {
			command.add("-D" + Clock.PROPERTY + "=cpu");
		}
		if (this.phases) {
			command.add("-D" + Phases.PROPERTY + "=true");
		}
		command.add("-cp");
		String classpath = System.getProperty("java.class.path");
		command.add(applicationOnly ? applicationClasspath(classpath) : classpath);
		command.add(mainClass);
		command.addAll(args);
		Outcome outcome = run(label, command, timeoutSeconds);
		return (recording != null && Files.isRegularFile(recording)) ? outcome.withRecording(recording) : outcome;
	}

	/**
	 * Runs {@code java -jar JAR ARGS}.
	 * @param label a short name for the log file
	 * @param jar the jar
	 * @param timeoutSeconds when to give up
	 * @param args its arguments
	 * @return what happened
	 */
	Outcome runJar(String label, Path jar, long timeoutSeconds, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		return run(label, command, timeoutSeconds);
	}

	/**
	 * This module's classpath without what only its set-up needs (JUnit, Testcontainers and its JDBC driver, the
	 * drivers of engines it does not time): a child runs with what an application would ship. Testcontainers'
	 * driver alone adds hundreds of milliseconds to the first DriverManager call of every tool.
	 */
	static String applicationClasspath(String classpath) {
		StringJoiner kept = new StringJoiner(File.pathSeparator);
		for (String entry : classpath.split(File.pathSeparator)) {
			String name = Path.of(entry).getFileName().toString();
			if (!SETUP_ONLY.matcher(name).lookingAt()) {
				kept.add(entry);
			}
		}
		return kept.toString();
	}

	// JFR's "profile" settings, sampling every millisecond (Java and native) instead of every 10 and 20 ms, so a
	// one-second run gives enough samples.
	private Path samplingSettings() {
		Path settings = this.logDirectory.resolve("sampling.jfc");
		try {
			if (!Files.isRegularFile(settings)) {
				String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
				Files.createDirectories(this.logDirectory);
				Files.writeString(settings, profile.replace(">10 ms<", ">1 ms<").replace(">20 ms<", ">1 ms<"));
			}
			return settings;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write JFR settings to " + settings, ex);
		}
	}

	private List<String> jvm() {
		return List.of(javaExecutable(), "-Xmx1g", "-Dliquibase.analytics.enabled=false",
				"-Dfile.encoding=UTF-8");
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private Outcome run(String label, List<String> command, long timeoutSeconds) {
		Path log = this.logDirectory.resolve(String.format("%04d-%s.log", this.sequence.incrementAndGet(), label));
		try {
			Files.createDirectories(this.logDirectory);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().put("BENCH_DB_PASSWORD", this.password);
			builder.environment().put("MIGRATE_PASSWORD", this.password);
			long start = System.nanoTime();
			Process process = builder.start();
			boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			long wall = System.nanoTime() - start;
			if (!finished) {
				process.destroyForcibly().waitFor();
				return new Outcome(-1, wall, -1, -1, -1, "timed out after " + timeoutSeconds + " s (log: " + log + ")",
						List.of(), null);
			}
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			long nanos = -1;
			int tables = -1;
			int classes = -1;
			for (String line : lines) {
				if (line.startsWith(ChildMain.RESULT)) {
					nanos = Long.parseLong(line.substring(ChildMain.RESULT.length()).trim());
				}
				else if (line.startsWith(ChildMain.CHECK)) {
					tables = Integer.parseInt(line.substring(ChildMain.CHECK.length()).trim());
				}
				else if (line.startsWith(ChildMain.CLASSES)) {
					classes = Integer.parseInt(line.substring(ChildMain.CLASSES.length()).trim());
				}
			}
			String error = (process.exitValue() != 0) ? "exit " + process.exitValue() + ": " + cause(lines)
					+ " (log: " + log + ")" : null;
			return new Outcome(process.exitValue(), wall, nanos, tables, classes, error, lines, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + label, ex);
		}
	}

	// The most telling line of a failed child: the first exception message, else the last line.
	private static String cause(List<String> lines) {
		for (String line : lines) {
			if (line.startsWith("Exception in thread") || line.startsWith("Caused by")) {
				return shorten(line);
			}
		}
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				return shorten(lines.get(i).trim());
			}
		}
		return "no output";
	}

	private static String shorten(String line) {
		return (line.length() > 300) ? line.substring(0, 300) + "..." : line;
	}

	/**
	 * What a child reported.
	 *
	 * @param exitCode the exit code, -1 on a timeout
	 * @param wallNanos wall time from start to exit, as the parent saw it
	 * @param nanos the child's own timing from {@code main}, -1 if it printed none
	 * @param tables the number of benchmark tables the child counted afterwards, -1 if none
	 * @param classes the number of classes the child had loaded when its work was done, -1 if unknown
	 * @param error why it failed, or {@code null}
	 * @param output everything it printed
	 * @param recording its JFR recording, or {@code null}
	 */
	record Outcome(int exitCode, long wallNanos, long nanos, int tables, int classes, String error,
			List<String> output, Path recording) {

		Outcome withRecording(Path recording) {
			return new Outcome(this.exitCode, this.wallNanos, this.nanos, this.tables, this.classes, this.error,
					this.output, recording);
		}

		boolean failed() {
			return this.error != null;
		}

	}

}
