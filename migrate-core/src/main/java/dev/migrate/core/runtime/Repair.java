package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.RepairResult;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.MigrationScript;

/**
 * {@code repair}, as Flyway users know it: accepts intentional edits of applied scripts and clears failed runs the
 * database state proves harmless, under the migration lock.
 */
final class Repair {

	private static final Logger logger = LoggerFactory.getLogger(Repair.class);

	private final MigrateConfig config;

	private final ConnectionFactory connections;

	private final ScriptCache scripts;

	Repair(MigrateConfig config, ConnectionFactory connections, ScriptCache scripts) {
		this.config = config;
		this.connections = connections;
		this.scripts = scripts;
	}

	/**
	 * Accepts the scripts as they are now: rewrites the stored checksum of every applied revision whose script
	 * was edited since, and deletes the rows of failed runs of which nothing can have committed (a statement
	 * that failed before any other of its revision committed, with the version table still where the run
	 * started). Runs that may have committed something are kept and reported with the commands that settle them.
	 * @return what changed and what was kept
	 */
	RepairResult run() {
		SessionWithScripts opened = SessionWithScripts.open(this.config, this.connections, this.scripts::get);
		try (DatabaseSession session = opened.session()) {
			Scripts scripts = opened.scripts();
			Connection connection = session.connection();
			session.lock(this.connections);
			HistoryTable history = session.historyTable();
			List<String> rows = session.versionTable().read(connection);
			List<HistoryRow> all = history.read(connection, 0);
			SqlSink sink = new SqlSink.Jdbc(connection);
			sink.begin();
			List<RepairResult.ChecksumChange> checksums = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (HistoryRow row : all) {
				if (!row.success() || row.direction() == CommandKind.STAMP || !seen.add(row.revision())
						|| row.direction() != CommandKind.UPGRADE || row.checksum() == null) {
					continue;
				}
				MigrationScript script = scripts.directory().get(row.revision()).orElse(null);
				if (script != null && script.checksum() != null && !script.checksum().equals(row.checksum())) {
					checksums.add(new RepairResult.ChecksumChange(row.revision(), script.location(), row.startedAt(),
							row.checksum(), script.checksum()));
					history.replaceChecksum(connection, row.id(), script.checksum());
				}
			}
			List<RepairResult.ClearedRun> cleared = new ArrayList<>();
			List<String> kept = new ArrayList<>();
			for (HistoryRow row : history.latestSinceLastStamp(connection).values()) {
				if (row.success()) {
					continue;
				}
				boolean interrupted = row.interrupted();
				if (row.statementsDone() == 0 && !interrupted
						&& new TreeSet<>(rows).equals(new TreeSet<>(row.versionBefore()))) {
					cleared.add(new RepairResult.ClearedRun(row.id(), row.revision(), row.direction(),
							row.startedAt(),
							"its first statement failed, so nothing of it committed, and the version table is still "
									+ rows));
					history.delete(connection, row.id());
				}
				else {
					String before = row.versionBefore().isEmpty() ? "base" : String.join(" ", row.versionBefore());
					kept.add("'" + row.revision() + "' " + (interrupted ? "was interrupted" : "failed") + " during "
							+ row.direction().verb() + " (history row " + row.id() + ", started " + row.startedAt()
							+ ") after "
							+ row.statementsDone() + " committed statement(s)"
							+ (interrupted ? ", and the statement after them may or may not have run" : "")
							+ ": check the database, then finish the revision by hand and run 'migrate stamp "
							+ row.revision() + "', or undo what ran and run 'migrate stamp " + before + "'");
				}
			}
			sink.commit();
			connection.setAutoCommit(true);
			logger.info("Repaired {}: {} checksum(s) rewritten, {} failed run(s) cleared, {} kept", session.database(),
					checksums.size(), cleared.size(), kept.size());
			return new RepairResult(checksums, cleared, kept);
		}
		catch (SQLException ex) {
			throw new MigrateException("Repair failed: " + ex.getMessage(), ex);
		}
	}

}
