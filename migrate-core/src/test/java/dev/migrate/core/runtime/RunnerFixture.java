package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;

/**
 * A {@link MigrationRunner} over freshly created version and history tables on a real connection, for the tests
 * that drive the runner directly.
 */
final class RunnerFixture {

	final Dialect dialect;

	final VersionTable versionTable;

	final HistoryTable historyTable;

	final MigrationRunner runner;

	RunnerFixture(Connection connection) throws SQLException {
		this.dialect = DialectResolver.detect(connection.getMetaData());
		this.versionTable = new VersionTable(this.dialect, null, "migrate_version");
		this.historyTable = new HistoryTable(this.dialect, null, "migrate_history");
		try (Statement statement = connection.createStatement()) {
			statement.execute(this.versionTable.createSql());
			statement.execute(this.historyTable.createSql());
		}
		this.runner = new MigrationRunner(this.dialect, this.versionTable, this.historyTable, new Listeners(List.of()),
				"tester@host");
	}

}
