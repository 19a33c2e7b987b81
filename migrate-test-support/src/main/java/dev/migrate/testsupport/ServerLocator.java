package dev.migrate.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Finds a server for each engine: an explicit {@code MIGRATE_TEST_<ENGINE>_URL}, else the local server on its
 * default port, else a Testcontainers container when Docker is available. Under {@code CI=true}, PostgreSQL
 * and MariaDB must be found.
 */
final class ServerLocator {

	static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

	private static final int LOGIN_TIMEOUT_SECONDS = 5;

	private final Map<String, String> env;

	private final BooleanSupplier dockerAvailable;

	ServerLocator(Map<String, String> env, BooleanSupplier dockerAvailable) {
		this.env = env;
		this.dockerAvailable = dockerAvailable;
	}

	Availability locate(Engine engine) {
		return switch (engine) {
			case SQLITE -> new Availability.Available(new Server(engine, "jdbc:sqlite:", "", "", "embedded file"));
			case H2 -> new Availability.Available(new Server(engine, "jdbc:h2:mem:", "sa", "", "in-memory"));
			default -> locateServer(engine);
		};
	}

	private Availability locateServer(Engine engine) {
		String prefix = "MIGRATE_TEST_" + envName(engine);
		String explicitUrl = this.env.get(prefix + "_URL");
		if (explicitUrl != null && !explicitUrl.isBlank()) {
			Server server = new Server(engine, explicitUrl, this.env.getOrDefault(prefix + "_USER", ""),
					this.env.getOrDefault(prefix + "_PASSWORD", ""), prefix + "_URL");
			String failure = probe(server);
			return (failure != null) ? unavailable(engine, server.url(), failure, "unset " + prefix + "_URL or fix it")
					: new Availability.Available(server);
		}
		Server local = defaultLocalServer(engine);
		String localFailure = (local != null) ? probe(local) : "no local default for " + engine.displayName();
		if (local != null && localFailure == null) {
			return new Availability.Available(local);
		}
		if (this.dockerAvailable.getAsBoolean()) {
			return new Availability.Available(Containers.start(engine));
		}
		if (local == null) {
			return unavailable(engine, engine.displayName() + " has no local default, " + prefix
					+ "_URL is not set and there is no Docker engine for Testcontainers", "set " + prefix + "_URL");
		}
		return unavailable(engine, engine.displayName() + " did not answer at " + JdbcUrls.mask(local.url()) + ": "
				+ localFailure + "; and there is no Docker engine for Testcontainers",
				"start the server (see .ci/run) or set " + prefix + "_URL");
	}

	private Availability unavailable(Engine engine, String url, String failure, String fix) {
		return unavailable(engine, engine.displayName() + " did not answer at " + JdbcUrls.mask(url) + ": " + failure,
				fix);
	}

	private Availability unavailable(Engine engine, String problem, String fix) {
		boolean required = engine.requiredUnderCi() && "true".equalsIgnoreCase(this.env.get("CI"));
		String reason = problem + "; " + fix + (required ? " (required because CI=true)" : "");
		return new Availability.Unavailable(engine, reason, required);
	}

	private static Server defaultLocalServer(Engine engine) {
		return switch (engine) {
			case POSTGRESQL -> new Server(engine, DEFAULT_POSTGRES_URL, "postgres", "", "local server");
			case MARIADB -> new Server(engine, DEFAULT_MARIADB_URL, "root", "", "local server");
			default -> null;
		};
	}

	/**
	 * @return {@code null} when the server answers, else the driver's message
	 */
	private static String probe(Server server) {
		DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
		try (Connection connection = server.connect()) {
			return connection.isValid(LOGIN_TIMEOUT_SECONDS) ? null : "connection is not valid";
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	private static String envName(Engine engine) {
		return (engine == Engine.POSTGRESQL) ? "POSTGRES" : engine.name().toUpperCase(Locale.ROOT);
	}

	static Path tempRoot() {
		return Path.of(System.getProperty("java.io.tmpdir"));
	}

}
