package dev.migrate.benchmarks;

import java.io.File;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildJvmTests {

	@Test
	void childrenGetTheToolsAndDriversButNotTheHarnesssTestJars() {
		String classpath = String.join(File.pathSeparator, "/m2/flyway-core-12.4.0.jar",
				"/m2/testcontainers-jdbc-2.0.5.jar", "/m2/postgresql-42.7.14.jar", "/m2/h2-2.4.240.jar",
				"/m2/mssql-jdbc-13.4.0.jre11.jar", "/m2/junit-jupiter-api-6.0.3.jar", "/work/benchmarks/target/classes",
				"/m2/migrate-test-support-0.1.0-SNAPSHOT.jar", "/m2/logback-classic-1.5.38.jar",
				"/m2/jna-5.18.1.jar", "/m2/liquibase-core-5.0.4.jar");
		assertThat(ChildJvm.applicationClasspath(classpath).split(File.pathSeparator)).containsExactly(
				"/m2/flyway-core-12.4.0.jar", "/m2/postgresql-42.7.14.jar", "/work/benchmarks/target/classes",
				"/m2/logback-classic-1.5.38.jar", "/m2/liquibase-core-5.0.4.jar");
	}

}
