package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

/**
 * Describes where the figures come from: CPUs, memory, JDK and the engines' versions.
 */
final class Machine {

	private Machine() {
	}

	static String describe(Set<Engine> engines) {
		List<String> parts = new ArrayList<>();
		parts.add(Runtime.getRuntime().availableProcessors() + " CPUs" + cpuModel());
		parts.add(memory());
		parts.add(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
				+ System.getProperty("java.vendor") + ")");
		parts.add(System.getProperty("os.name") + " " + System.getProperty("os.version"));
		for (Engine engine : engines) {
			if (TestDatabases.isAvailable(engine)) {
				parts.add(engine.displayName() + " " + version(engine));
			}
		}
		return String.join(", ", parts);
	}

	/**
	 * @return the 1-minute load average, to show how busy the machine was, or "unknown"
	 */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return " (" + line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ") + ")";
				}
			}
		}
		catch (IOException ex) {
			// Not Linux: the count alone.
		}
		return "";
	}

	private static String memory() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return String.format(Locale.ROOT, "%.0f GiB RAM", kilobytes / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException ex) {
			// Not Linux.
		}
		return "memory unknown";
	}

	private static String version(Engine engine) {
		String sql = (engine == Engine.SQLITE) ? "SELECT sqlite_version()" : "SELECT version()";
		try (TestDatabase db = TestDatabases.create(engine);
				Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			String version = result.getString(1);
			// PostgreSQL's version() is a sentence; keep "15.x".
			if (engine == Engine.POSTGRESQL && version.startsWith("PostgreSQL ")) {
				version = version.split(" ")[1];
			}
			String driver = connection.getMetaData().getDriverName() + " " + connection.getMetaData().getDriverVersion();
			return version + " (" + driver + ")";
		}
		catch (SQLException ex) {
			return "(version unknown: " + ex.getMessage() + ")";
		}
	}

}
