package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.AdvisedSetting;
import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;

/**
 * Adopting a database that already holds an application's schema (Flyway's {@code baselineOnMigrate}): an upgrade
 * of a database with tables but no migrate history first stamps it at {@link MigrateConfig#baselineRevision()} (the
 * graph's base by default), then upgrades from there. Without {@link MigrateConfig#baselineOnMigrate()}, a first
 * revision that fails on such a database gets a message saying how to adopt it. Runs under the migration lock, so
 * two runners never both stamp.
 */
final class Baseline {

	private static final Logger logger = LoggerFactory.getLogger(Baseline.class);

	// More names would make the message a schema listing.
	private static final int NAMED_TABLES = 5;

	private final MigrateConfig config;

	private final DatabaseSession session;

	private final RevisionGraph graph;

	private List<String> foundTables = List.of();

	Baseline(MigrateConfig config, DatabaseSession session, RevisionGraph graph) {
		this.config = config;
		this.session = session;
		this.graph = graph;
	}

	/**
	 * Stamps the database at the baseline revision when it is one to adopt and adopting is on.
	 * @param connection the session's connection, holding the lock
	 * @param before the version rows
	 * @return the stamp, or {@code null} when nothing was stamped
	 * @throws SQLException if the database fails
	 */
	AppliedRevision stampIfAdopting(Connection connection, List<String> before) throws SQLException {
		if (!before.isEmpty() || hasMigrated(connection)) {
			return null;
		}
		this.foundTables = applicationTables(connection);
		if (this.foundTables.isEmpty() || !this.config.baselineOnMigrate()) {
			return null;
		}
		Revision revision = baselineRevision();
		List<String> after = List.copyOf(new TreeSet<>(this.graph.stampRows(List.of(), revision.id())));
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		this.session.prepareTables();
		SqlSink sink = new SqlSink.Jdbc(connection);
		sink.begin();
		try {
			this.session.versionTable().update(sink, List.of(), after);
			long millis = (System.nanoTime() - start) / 1_000_000;
			try (HistoryWriter history = this.session.historyTable().writer(connection)) {
				history.append(HistoryRow.stamp(revision.id(), List.of(), after, revision.message(),
						revision.source(), startedAt, millis, this.session.installedBy()));
			}
			sink.commit();
			connection.setAutoCommit(true);
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			connection.setAutoCommit(true);
			throw ex;
		}
		logger.info("Baselined {} at '{}': it held {} and no version table; upgrading from there",
				this.session.database(), revision.id(), describeTables());
		return new AppliedRevision(revision.id(), revision.message(), CommandKind.STAMP,
				(System.nanoTime() - start) / 1_000_000, List.of(), after);
	}

	/**
	 * Adds to the failure of a first revision on a database that held tables and no history what adopting it
	 * takes, since the likely cause is that the revision creates what exists already.
	 * @param failure the failure
	 * @return the failure with the advice, or the failure itself when the database was empty or not new to migrate
	 */
	MigrationFailedException explain(MigrationFailedException failure) {
		if (this.foundTables.isEmpty() || !failure.getVersionRows().isEmpty()) {
			return failure;
		}
		String message = failure.getMessage() + ". The database held " + describeTables() + " but no version table, so"
				+ " the upgrade started from the first revision: to adopt a database whose schema exists already, stamp"
				+ " it at the revision its schema matches ('migrate stamp <revision>'), or "
				+ AdvisedSetting.BASELINE_ON_MIGRATE.advice() + " to do that as part of the upgrade";
		return new MigrationFailedException(message, failure.getCause(), failure.getRevision(), failure.getSource(),
				failure.getStatementIndex(), failure.getLine(), failure.getSqlState(), failure.getDatabaseMessage(),
				failure.getVersionRows(), failure.getStatementsApplied());
	}

	// A history row of a revision that ran, or of a stamp: the database was migrated before and is no new one.
	private boolean hasMigrated(Connection connection) throws SQLException {
		return this.session.historyTable().readForValidation(connection).stream().anyMatch(HistoryRow::success);
	}

	private List<String> applicationTables(Connection connection) throws SQLException {
		Set<String> own = this.config.bookkeepingTables()
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		return this.session.dialect()
			.tableNames(connection, this.session.tableSchema())
			.stream()
			.filter((name) -> !own.contains(name.toLowerCase(Locale.ROOT)))
			.toList();
	}

	private Revision baselineRevision() {
		String configured = this.config.baselineRevision();
		if (configured != null) {
			return this.graph.resolveOne(configured);
		}
		List<Revision> bases = this.graph.bases();
		if (bases.size() != 1) {
			throw new ConfigurationException("baselineRevision", "The scripts have " + bases.size() + " bases ("
					+ bases.stream().map(Revision::id).collect(Collectors.joining(", "))
					+ "), so the revision to baseline at is not clear; set baselineRevision");
		}
		return bases.get(0);
	}

	private String describeTables() {
		int count = this.foundTables.size();
		String names = this.foundTables.stream().limit(NAMED_TABLES).collect(Collectors.joining(", "));
		return count + ((count == 1) ? " table (" : " tables (") + names + ((count > NAMED_TABLES) ? ", ..." : "")
				+ ")";
	}

}
