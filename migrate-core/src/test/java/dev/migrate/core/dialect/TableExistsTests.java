package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite, MariaDB and H2 look a table up by its name (SQLite in the schema it holds in memory, the others in
 * {@code information_schema} by equality), not through the driver's metadata: found in the default or the named
 * schema, not elsewhere, with {@code _} an ordinary character rather than a pattern, and without case where the
 * engine compares names without it.
 */
class TableExistsTests {

	@EachEngine({ Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void findsATableByItsNameInTheDefaultOrTheNamedSchemaOnly(TestDatabase db) throws SQLException {
		db.execute("CREATE TABLE migrate_version (version_num VARCHAR(32))");
		Dialect dialect = DialectResolver.byName(db.engine().name().toLowerCase(Locale.ROOT));
		try (Connection connection = db.connect()) {
			String schema = dialect.lookupSchema(connection, null);
			String named = (db.engine() == Engine.MARIADB) ? connection.getCatalog()
					: (schema != null) ? schema : "main";
			assertThat(dialect.tableExists(connection, null, "migrate_version")).isTrue();
			assertThat(dialect.tableExists(connection, named, "migrate_version")).isTrue();
			assertThat(dialect.tableExists(connection, null, "migrate_history")).isFalse();
			assertThat(dialect.tableExists(connection, null, "migrateXversion")).as("_ is no wildcard").isFalse();
			assertThat(dialect.tableExists(connection, null, "migrate_versio")).isFalse();
			if (db.engine() != Engine.MARIADB) {
				assertThat(dialect.tableExists(connection, null, "MIGRATE_VERSION")).isTrue();
			}
			String elsewhere = switch (db.engine()) {
				case MARIADB -> "information_schema";
				case SQLITE -> "temp";
				default -> "INFORMATION_SCHEMA";
			};
			assertThat(dialect.tableExists(connection, elsewhere, "migrate_version")).isFalse();
		}
	}

}
