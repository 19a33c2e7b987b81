package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL looks a table up by its name and schema in the catalog, as the driver's metadata did: in the named
 * schema or the current one, whatever the case of the name, and a table of the same name elsewhere does not count.
 */
class PostgresTableExistsTests {

	@Test
	void findsATableInTheNamedSchemaOrTheCurrentOneAndNowhereElse() throws SQLException {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not running");
		try (TestDatabase database = TestDatabases.create(Engine.POSTGRESQL)) {
			database.execute("CREATE SCHEMA tenant_a");
			database.execute("CREATE SCHEMA tenant_b");
			database.execute("CREATE TABLE tenant_a.migrate_version (version_num VARCHAR(32))");
			database.execute("CREATE TABLE public.\"Mixed_Case\" (id INT)");
			Dialect dialect = DialectResolver.byName("postgresql");
			try (Connection connection = database.connect()) {
				assertThat(dialect.tableExists(connection, "tenant_a", "migrate_version")).isTrue();
				assertThat(dialect.tableExists(connection, "tenant_a", "MIGRATE_VERSION")).isTrue();
				assertThat(dialect.tableExists(connection, "tenant_b", "migrate_version")).isFalse();
				assertThat(dialect.tableExists(connection, "tenant_a", "migrate_history")).isFalse();
				assertThat(dialect.tableExists(connection, "public", "Mixed_Case")).isTrue();
				assertThat(dialect.tableExists(connection, null, "Mixed_Case")).isTrue();
				assertThat(dialect.tableExists(connection, null, "migrate_version")).isFalse();
				connection.setSchema("tenant_a");
				assertThat(dialect.tableExists(connection, null, "migrate_version")).isTrue();
			}
		}
	}

}
