package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

import dev.migrate.testsupport.Engine;

/**
 * The steady-state benchmark's figures: requests per second per engine, endpoint, size and run, their medians,
 * and per engine and endpoint the ratio of the largest size's median to the smallest's (1.00 means the endpoint
 * costs the same whatever the number of applied revisions) and the median of the same ratio within each run,
 * rendered as one Markdown table.
 */
final class SteadyStateTable {

	private final Map<Key, List<Double>> figures = new LinkedHashMap<>();

	private final Map<Key, Long> bytes = new LinkedHashMap<>();

	// The application's CPU time per answer, in microseconds: what the load on the shared machine does not change.
	private final Map<Key, List<Double>> cpu = new LinkedHashMap<>();

	/**
	 * Adds one measured run.
	 * @param engine the engine
	 * @param endpoint the path, such as {@code /actuator/health}
	 * @param size the number of applied revisions
	 * @param perSecond requests per second answered with {@code 200}
	 * @param bytesPerAnswer the size of one answer's body
	 * @param cpuMicrosPerAnswer the application's CPU time per answer, in microseconds, or a negative value when
	 * unknown
	 */
	void add(Engine engine, String endpoint, int size, double perSecond, long bytesPerAnswer,
			double cpuMicrosPerAnswer) {
		Key key = new Key(engine, endpoint, size);
		this.figures.computeIfAbsent(key, (k) -> new ArrayList<>()).add(perSecond);
		this.bytes.put(key, bytesPerAnswer);
		if (cpuMicrosPerAnswer >= 0) {
			this.cpu.computeIfAbsent(key, (k) -> new ArrayList<>()).add(cpuMicrosPerAnswer);
		}
	}

	OptionalDouble median(Engine engine, String endpoint, int size) {
		return median(this.figures, engine, endpoint, size);
	}

	private static OptionalDouble median(Map<Key, List<Double>> figures, Engine engine, String endpoint, int size) {
		List<Double> values = figures.get(new Key(engine, endpoint, size));
		if (values == null || values.isEmpty()) {
			return OptionalDouble.empty();
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return OptionalDouble.of((sorted.size() % 2 == 1) ? sorted.get(middle)
				: (sorted.get(middle - 1) + sorted.get(middle)) / 2);
	}

	/**
	 * The largest size's median throughput over the smallest's: below 1 the endpoint slows down as revisions
	 * accumulate.
	 * @return the ratio, empty unless both sizes have a median
	 */
	OptionalDouble ratio(Engine engine, String endpoint) {
		TreeSet<Integer> sizes = sizes();
		if (sizes.size() < 2) {
			return OptionalDouble.empty();
		}
		OptionalDouble small = median(engine, endpoint, sizes.first());
		OptionalDouble large = median(engine, endpoint, sizes.last());
		if (small.isEmpty() || large.isEmpty() || small.getAsDouble() == 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(large.getAsDouble() / small.getAsDouble());
	}

	/**
	 * The median over the runs of each run's largest-size throughput over its smallest-size one: both sizes are
	 * loaded in the same seconds of a run, so the ratio of one run is less moved by the rest of the machine's load
	 * than the ratio of two medians taken from different runs.
	 * @return the ratio, empty unless both sizes have runs
	 */
	OptionalDouble pairedRatio(Engine engine, String endpoint) {
		TreeSet<Integer> sizes = sizes();
		if (sizes.size() < 2) {
			return OptionalDouble.empty();
		}
		List<Double> small = this.figures.get(new Key(engine, endpoint, sizes.first()));
		List<Double> large = this.figures.get(new Key(engine, endpoint, sizes.last()));
		if (small == null || large == null) {
			return OptionalDouble.empty();
		}
		Map<Key, List<Double>> ratios = new LinkedHashMap<>();
		Key key = new Key(engine, endpoint, 0);
		for (int run = 0; run < Math.min(small.size(), large.size()); run++) {
			if (small.get(run) > 0) {
				ratios.computeIfAbsent(key, (k) -> new ArrayList<>()).add(large.get(run) / small.get(run));
			}
		}
		return median(ratios, engine, endpoint, 0);
	}

	/**
	 * @return a Markdown table: one row per engine and endpoint, a column of median requests/s (and answer size)
	 * per size, then the ratio
	 */
	String toMarkdown() {
		TreeSet<Integer> sizes = sizes();
		StringBuilder table = new StringBuilder("| Engine | Endpoint |");
		StringBuilder rule = new StringBuilder("|---|---|");
		for (int size : sizes) {
			table.append(String.format(Locale.ROOT, " N=%,d req/s (body) |", size));
			rule.append("---:|");
		}
		if (sizes.size() >= 2) {
			table.append(String.format(Locale.ROOT, " %,d ÷ %,d | same run, median |", sizes.last(), sizes.first()));
			rule.append("---:|---:|");
		}
		for (int size : sizes) {
			table.append(String.format(Locale.ROOT, " N=%,d CPU µs/answer |", size));
			rule.append("---:|");
		}
		if (sizes.size() >= 2) {
			table.append(String.format(Locale.ROOT, " CPU %,d ÷ %,d |", sizes.first(), sizes.last()));
			rule.append("---:|");
		}
		table.append('\n').append(rule).append('\n');
		List<Key> rows = new ArrayList<>();
		for (Key key : this.figures.keySet()) {
			Key row = new Key(key.engine(), key.endpoint(), 0);
			if (!rows.contains(row)) {
				rows.add(row);
			}
		}
		for (Key row : rows) {
			table.append("| ").append(row.engine().displayName()).append(" | `").append(row.endpoint()).append("` |");
			for (int size : sizes) {
				OptionalDouble median = median(row.engine(), row.endpoint(), size);
				Long body = this.bytes.get(new Key(row.engine(), row.endpoint(), size));
				table.append(median.isPresent() ? String.format(Locale.ROOT, " %,.0f (%s) |", median.getAsDouble(),
						humanBytes((body != null) ? body : 0)) : " failed |");
			}
			if (sizes.size() >= 2) {
				OptionalDouble ratio = ratio(row.engine(), row.endpoint());
				table.append(ratio.isPresent() ? String.format(Locale.ROOT, " %.2f |", ratio.getAsDouble()) : " - |");
				OptionalDouble paired = pairedRatio(row.engine(), row.endpoint());
				table.append(paired.isPresent() ? String.format(Locale.ROOT, " %.2f |", paired.getAsDouble()) : " - |");
			}
			// The CPU ratio the other way round (small over large), so that below 1 again means dearer at N.
			for (int size : sizes) {
				OptionalDouble median = median(this.cpu, row.engine(), row.endpoint(), size);
				table.append(median.isPresent() ? String.format(Locale.ROOT, " %,.0f |", median.getAsDouble()) : " - |");
			}
			if (sizes.size() >= 2) {
				OptionalDouble small = median(this.cpu, row.engine(), row.endpoint(), sizes.first());
				OptionalDouble large = median(this.cpu, row.engine(), row.endpoint(), sizes.last());
				table.append((small.isPresent() && large.isPresent() && large.getAsDouble() > 0)
						? String.format(Locale.ROOT, " %.2f |", small.getAsDouble() / large.getAsDouble()) : " - |");
			}
			table.append('\n');
		}
		return table.toString();
	}

	static String humanBytes(long bytes) {
		if (bytes < 10_000) {
			return String.format(Locale.ROOT, "%d B", bytes);
		}
		if (bytes < 10_000_000) {
			return String.format(Locale.ROOT, "%,d KB", Math.round(bytes / 1024.0));
		}
		return String.format(Locale.ROOT, "%,.1f MB", bytes / (1024.0 * 1024.0));
	}

	private TreeSet<Integer> sizes() {
		TreeSet<Integer> sizes = new TreeSet<>();
		this.figures.keySet().forEach((key) -> sizes.add(key.size()));
		return sizes;
	}

	private record Key(Engine engine, String endpoint, int size) {
	}

}
