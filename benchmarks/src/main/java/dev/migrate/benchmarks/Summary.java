package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;

import dev.migrate.testsupport.Engine;

/**
 * Medians per scenario, engine, size and tool, and the ratios derived from them.
 */
final class Summary {

	private final List<Measurement> measurements;

	private final Map<Key, List<Double>> figures = new LinkedHashMap<>();

	Summary(List<Measurement> measurements) {
		this.measurements = List.copyOf(measurements);
		for (Measurement measurement : measurements) {
			if (!measurement.failed()) {
				this.figures.computeIfAbsent(new Key(measurement.scenario(), measurement.engine(), measurement.size(),
						measurement.tool()), (key) -> new ArrayList<>()).add(measurement.figure());
			}
		}
	}

	List<Measurement> measurements() {
		return this.measurements;
	}

	/**
	 * @return the median figure, if any run succeeded
	 */
	OptionalDouble median(Scenario scenario, Engine engine, int size, Tool tool) {
		List<Double> values = this.figures.get(new Key(scenario, engine, size, tool));
		if (values == null || values.isEmpty()) {
			return OptionalDouble.empty();
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return OptionalDouble.of((sorted.size() % 2 == 1) ? sorted.get(middle)
				: (sorted.get(middle - 1) + sorted.get(middle)) / 2);
	}

	/**
	 * @return the median number of classes loaded in successful runs, if reported
	 */
	OptionalDouble medianClasses(Scenario scenario, Engine engine, int size, Tool tool) {
		List<Integer> classes = this.measurements.stream()
			.filter((m) -> m.scenario() == scenario && m.engine() == engine && m.size() == size && m.tool() == tool
					&& !m.failed() && m.classes() >= 0)
			.map(Measurement::classes)
			.sorted()
			.toList();
		return classes.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(classes.get(classes.size() / 2));
	}

	int successfulRuns(Scenario scenario, Engine engine, int size, Tool tool) {
		List<Double> values = this.figures.get(new Key(scenario, engine, size, tool));
		return (values != null) ? values.size() : 0;
	}

	/**
	 * @return the error of the first failed run, or {@code null}
	 */
	String error(Scenario scenario, Engine engine, int size, Tool tool) {
		return this.measurements.stream()
			.filter((m) -> m.scenario() == scenario && m.engine() == engine && m.size() == size && m.tool() == tool
					&& m.failed())
			.map(Measurement::error)
			.findFirst()
			.orElse(null);
	}

	/**
	 * @return the faster peer's median (Flyway or Liquibase), if either succeeded
	 */
	OptionalDouble bestPeer(Scenario scenario, Engine engine, int size) {
		return tools(scenario).stream()
			.filter(Tool::isPeer)
			.map((tool) -> median(scenario, engine, size, tool))
			.filter(OptionalDouble::isPresent)
			.mapToDouble(OptionalDouble::getAsDouble)
			.min();
	}

	/**
	 * @return {@code numerator / denominator} when both exist
	 */
	static OptionalDouble ratio(OptionalDouble numerator, OptionalDouble denominator) {
		if (numerator.isEmpty() || denominator.isEmpty() || denominator.getAsDouble() <= 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(numerator.getAsDouble() / denominator.getAsDouble());
	}

	List<Scenario> scenarios() {
		return this.measurements.stream().map(Measurement::scenario).distinct().sorted().toList();
	}

	List<Tool> tools(Scenario scenario) {
		return this.measurements.stream()
			.filter((m) -> m.scenario() == scenario)
			.map(Measurement::tool)
			.distinct()
			.sorted()
			.toList();
	}

	List<Integer> sizes(Scenario scenario) {
		return new ArrayList<>(new TreeSet<>(this.measurements.stream()
			.filter((m) -> m.scenario() == scenario)
			.map(Measurement::size)
			.toList()));
	}

	List<Engine> engines(Scenario scenario) {
		return this.measurements.stream()
			.filter((m) -> m.scenario() == scenario)
			.map(Measurement::engine)
			.distinct()
			.sorted(Comparator.comparingInt(Summary::engineOrder))
			.toList();
	}

	static int engineOrder(Engine engine) {
		return switch (engine) {
			case SQLITE -> 0;
			case POSTGRESQL -> 1;
			case MARIADB -> 2;
			default -> 3 + engine.ordinal();
		};
	}

	private record Key(Scenario scenario, Engine engine, int size, Tool tool) {

		Key {
			Objects.requireNonNull(scenario);
		}

	}

}
