package dev.migrate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opentest4j.TestAbortedException;

/**
 * Hands out fresh databases. Each engine is located once per JVM, and the outcome is printed once, so the
 * build log shows which engines were used and which were skipped, and why.
 */
public final class TestDatabases {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Map<Engine, Availability> AVAILABILITY = new ConcurrentHashMap<>();

	private static final ServerLocator LOCATOR = new ServerLocator(System.getenv(), Containers::dockerAvailable);

	private TestDatabases() {
	}

	/**
	 * Creates a fresh, empty database on the engine. The caller closes it, which drops it.
	 * @param engine the engine
	 * @return the new database
	 * @throws TestAbortedException if the engine is not available (the test is skipped with the reason)
	 * @throws AssertionError if the engine is required under {@code CI=true} and is not available
	 */
	public static TestDatabase create(Engine engine) {
		Availability availability = AVAILABILITY.computeIfAbsent(engine, TestDatabases::locateAndReport);
		return create(availability);
	}

	/**
	 * Creates a fresh, empty database that other processes can open too: for H2, a file database in
	 * {@code AUTO_SERVER} mode (with a 30 s {@code LOCK_TIMEOUT}) instead of an in-memory one; for the other engines, as {@link #create(Engine)}.
	 * @param engine the engine
	 * @return the new database
	 */
	public static TestDatabase createShared(Engine engine) {
		if (engine != Engine.H2) {
			return create(engine);
		}
		Availability availability = AVAILABILITY.computeIfAbsent(engine, TestDatabases::locateAndReport);
		Server server = ((Availability.Available) availability).server();
		String name = "mt_" + HexFormat.of().formatHex(randomBytes());
		try {
			Path directory = Files.createTempDirectory(ServerLocator.tempRoot(), name);
			// H2 changes one schema at a time for the whole database: processes wait on each other's DDL for
			// longer than its default LOCK_TIMEOUT of 1 s.
			return new TestDatabase(server, name,
					"jdbc:h2:file:" + directory.resolve(name) + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=30000", directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether tests can use the engine in this JVM (locating it if needed).
	 * @param engine the engine
	 * @return whether it is available
	 */
	public static boolean isAvailable(Engine engine) {
		return AVAILABILITY.computeIfAbsent(engine, TestDatabases::locateAndReport) instanceof Availability.Available;
	}

	static TestDatabase create(Availability availability) {
		if (availability instanceof Availability.Unavailable unavailable) {
			if (unavailable.required()) {
				throw new AssertionError(unavailable.reason());
			}
			throw new TestAbortedException("Skipped: " + unavailable.reason());
		}
		Server server = ((Availability.Available) availability).server();
		String name = "mt_" + HexFormat.of().formatHex(randomBytes());
		try {
			return switch (server.engine()) {
				case SQLITE -> {
					Path directory = Files.createTempDirectory(ServerLocator.tempRoot(), name);
					yield new TestDatabase(server, name, "jdbc:sqlite:" + directory.resolve(name + ".db"), directory);
				}
				case H2 -> new TestDatabase(server, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null);
				default -> {
					try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
						statement.execute("CREATE DATABASE " + name);
					}
					yield new TestDatabase(server, name, JdbcUrls.withDatabase(server.engine(), server.url(), name),
							null);
				}
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " on " + server, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Availability locateAndReport(Engine engine) {
		Availability availability = LOCATOR.locate(engine);
		if (availability instanceof Availability.Available available) {
			System.out.println("[migrate-test] " + engine.displayName() + ": using " + available.server());
		}
		else if (availability instanceof Availability.Unavailable unavailable) {
			System.out.println("[migrate-test] " + engine.displayName() + ": "
					+ (unavailable.required() ? "FAILING, " : "SKIPPED, ") + unavailable.reason());
		}
		return availability;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[5];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
