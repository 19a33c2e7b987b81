package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a process's CPU goes while it answers, native code and the kernel included, which JFR's Java samples
 * leave out: Linux {@code perf record} samples the process (all its threads, CPU clock, {@value #HZ} Hz) for a
 * fixed time while the caller loads it, then {@code perf report} sums the samples by shared object (the JIT's
 * code, SQLite's driver library, the kernel, the C library, the JVM) and lists the driver library's hottest
 * instructions. Each sample stands for 1/{@value #HZ} s of CPU, so samples over answers give µs per answer.
 * Needs {@code perf} on the path and the right to sample another process (root, or
 * {@code kernel.perf_event_paranoid} at most 1).
 */
final class NativeProfile {

	static final int HZ = 999;

	// "  38.93%  5818  [JIT] tid 12177" and, sorted by object and symbol, "  7.97%  1326  lib.so  [.] 0x12510".
	private static final Pattern LINE = Pattern.compile("^\\s*[\\d.]+%\\s+(\\d+)\\s+(.+?)\\s*$");

	private final Path recording;

	private final Process perf;

	private NativeProfile(Path recording, Process perf) {
		this.recording = recording;
		this.perf = perf;
	}

	/**
	 * @return whether {@code perf} runs here
	 */
	static boolean available() {
		try {
			Process process = new ProcessBuilder("perf", "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Starts sampling a process.
	 * @param pid the process
	 * @param duration for how long
	 * @param recording the file to record to
	 * @return the running recording
	 * @throws IOException if perf does not start
	 */
	static NativeProfile start(long pid, Duration duration, Path recording) throws IOException {
		Files.createDirectories(recording.getParent());
		Process perf = new ProcessBuilder("perf", "record", "-q", "-F", String.valueOf(HZ), "-p", String.valueOf(pid),
				"-o", recording.toString(), "--", "sleep", String.valueOf(duration.toSeconds()))
			.redirectErrorStream(true)
			.redirectOutput(recording.resolveSibling(recording.getFileName() + ".log").toFile())
			.start();
		return new NativeProfile(recording, perf);
	}

	/**
	 * Waits for the recording to end and reads it.
	 * @param answers the answers given meanwhile
	 * @return µs of CPU per answer by shared object, largest first, then the driver library's hottest
	 * instructions ({@code libsqlitejdbc.so 0x…}); empty when perf failed
	 */
	Map<String, Double> microsPerAnswer(long answers) throws IOException, InterruptedException {
		if (!this.perf.waitFor(120, TimeUnit.SECONDS) || this.perf.exitValue() != 0 || answers == 0) {
			this.perf.destroyForcibly();
			return Map.of();
		}
		Map<String, Double> micros = new LinkedHashMap<>();
		for (String[] row : report("dso")) {
			micros.merge(shortName(row[1]), perAnswer(row[0], answers), Double::sum);
		}
		int hottest = 0;
		for (String[] row : report("dso,sym")) {
			if (row[1].contains("libsqlitejdbc") && hottest++ < 3) {
				String symbol = row[1].substring(row[1].indexOf("[.]") + 3).trim()
					.replace("Java_org_sqlite_core_NativeDB_", "NativeDB.");
				micros.put("libsqlitejdbc.so " + symbol.replaceFirst("^0x0+", "0x"), perAnswer(row[0], answers));
			}
		}
		return micros;
	}

	private List<String[]> report(String sort) throws IOException, InterruptedException {
		Process report = new ProcessBuilder("perf", "report", "-i", this.recording.toString(), "--no-children",
				"--sort", sort, "-g", "none", "--stdio", "-n")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String out = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		report.waitFor(60, TimeUnit.SECONDS);
		List<String[]> rows = new ArrayList<>();
		for (String line : out.split("\n")) {
			Matcher matcher = LINE.matcher(line);
			if (!line.startsWith("#") && matcher.matches()) {
				rows.add(new String[] { matcher.group(1), matcher.group(2) });
			}
		}
		return rows;
	}

	private static double perAnswer(String samples, long answers) {
		return Long.parseLong(samples) * 1e6 / HZ / answers;
	}

	// The JIT's code is "[JIT] tid <pid>", SQLite's driver library is extracted under a random name.
	private static String shortName(String dso) {
		if (dso.startsWith("[JIT]")) {
			return "[JIT] (compiled Java)";
		}
		return dso.contains("libsqlitejdbc") ? "libsqlitejdbc.so" : dso;
	}

	/**
	 * @param bySize each size's µs per answer by object
	 * @return a table: one line per object, one column per size, the objects of the first size in its order
	 */
	static List<String> table(Map<Integer, Map<String, Double>> bySize) {
		List<String> names = new ArrayList<>();
		bySize.values().forEach((micros) -> micros.keySet().stream().filter((name) -> !names.contains(name))
			.forEach(names::add));
		List<String> lines = new ArrayList<>();
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-44s", "µs of CPU per answer"));
		bySize.keySet().forEach((size) -> header.append(String.format(Locale.ROOT, " %10s", "N=" + size)));
		lines.add(header.toString());
		for (String name : names) {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s", name));
			boolean any = false;
			for (Map<String, Double> micros : bySize.values()) {
				Double value = micros.get(name);
				any |= value != null && value >= 0.5;
				line.append((value != null) ? String.format(Locale.ROOT, " %10.1f", value)
						: String.format(Locale.ROOT, " %10s", "-"));
			}
			if (any) {
				lines.add(line.toString());
			}
		}
		return lines;
	}

}
