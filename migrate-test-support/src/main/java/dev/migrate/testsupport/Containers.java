package dev.migrate.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mssqlserver.MSSQLServerContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Testcontainers fallbacks, started once per JVM and stopped by Testcontainers when it exits.
 */
final class Containers {

	private Containers() {
	}

	// Probing Docker takes a while and logs its failure: do it once per JVM.
	private static volatile Boolean dockerAvailable;

	static boolean dockerAvailable() {
		Boolean available = dockerAvailable;
		if (available == null) {
			available = probeDocker();
			dockerAvailable = available;
		}
		return available;
	}

	private static boolean probeDocker() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static Server start(Engine engine) {
		JdbcDatabaseContainer<?> container = switch (engine) {
			case POSTGRESQL -> new PostgreSQLContainer("postgres:15-alpine");
			case MARIADB -> new MariaDBContainer("mariadb:10.11");
			case MYSQL -> new MySQLContainer("mysql:8.4");
			case SQLSERVER -> new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();
			default -> throw new IllegalArgumentException(engine + " needs no container");
		};
		container.start();
		String user = (engine == Engine.MARIADB || engine == Engine.MYSQL) ? "root" : container.getUsername();
		return new Server(engine, container.getJdbcUrl(), user, container.getPassword(), "Testcontainers");
	}

}
