package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.ValidationFailedException;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.RepeatableScript;

/**
 * One upgrade or downgrade, Alembic's {@code command.upgrade}/{@code downgrade} path: the up-to-date shortcut
 * when the script index and the digest row allow it; else under the migration lock, validation, adopting a
 * database with tables but no history (baseline on migrate), the plan, the before and after callbacks around the
 * {@link MigrationRunner}, the repeatable scripts that are due, and the state recorded for the next boot.
 */
final class RevisionRun {

	private static final Logger logger = LoggerFactory.getLogger(RevisionRun.class);

	private final MigrateConfig config;

	private final ConnectionFactory connections;

	private final ScriptCache scripts;

	private final Listeners listeners;

	private final UpToDateCheck upToDate;

	RevisionRun(MigrateConfig config, ConnectionFactory connections, ScriptCache scripts, Listeners listeners) {
		this.config = config;
		this.connections = connections;
		this.scripts = scripts;
		this.listeners = listeners;
		this.upToDate = new UpToDateCheck(config, connections, scripts);
	}

	/**
	 * @param target the target
	 * @param direction upgrade or downgrade
	 * @return what ran
	 */
	MigrationResult run(Target target, Direction direction) {
		CommandKind kind = CommandKind.of(direction);
		String command = kind.verb();
		long start = System.nanoTime();
		boolean indexed = direction == Direction.UPGRADE && this.upToDate.applies(target);
		if (indexed) {
			MigrationResult upToDate = upToDate(kind, target, start);
			if (upToDate != null) {
				return upToDate;
			}
		}
		SessionWithScripts opened = SessionWithScripts.open(this.config, this.connections, this.scripts::get);
		try (DatabaseSession session = opened.session()) {
			Connection connection = session.connection();
			session.lock(this.connections);
			List<String> before = session.versionTable().read(connection);
			boolean validate = direction == Direction.UPGRADE && this.config.validateOnMigrate();
			List<HistoryRow> history = validate ? session.historyTable().readForValidation(connection) : null;
			// Only now wait for the scripts: the reads above need the connection alone.
			Scripts scripts = opened.scripts();
			if (validate) {
				List<String> problems = MigrationPlanner.validate(scripts.directory(), scripts.graph(), before,
						history);
				if (!problems.isEmpty()) {
					// Again with the whole rows, whose file names and dates the messages quote.
					problems = MigrationPlanner.validate(scripts.directory(), scripts.graph(), before,
							session.historyTable().read(connection, 0));
				}
				if (!problems.isEmpty()) {
					throw new ValidationFailedException("Validation failed before the upgrade, nothing ran: "
							+ String.join("; ", problems), problems);
				}
			}
			// An upgrade of a database that holds tables but no history: stamped first with baselineOnMigrate.
			Baseline adoption = new Baseline(this.config, session, scripts.graph());
			AppliedRevision baseline = (direction == Direction.UPGRADE) ? adoption.stampIfAdopting(connection, before)
					: null;
			List<String> from = before;
			if (baseline != null) {
				from = baseline.versionRowsAfter();
				this.listeners.afterStep(baseline);
			}
			MigrationPlanner planner = new MigrationPlanner(scripts.graph(), scripts.directory(), session.dialect(),
					session.placeholders());
			List<PlannedStep> steps = planner.plan(from, target, direction);
			MigrationRunner runner = new MigrationRunner(session.dialect(), session.versionTable(),
					session.historyTable(), this.listeners, session.installedBy(),
					new LockWait(this.config.ddlLockTimeout(), this.config.ddlLockRetries()));
			boolean wholePlan = false;
			if (!this.config.transactionPerMigration()) {
				wholePlan = steps.stream().allMatch(runner::transactional);
				if (!wholePlan) {
					logger.warn("transactionPerMigration is false, but {} cannot run this plan in one transaction "
							+ "({}); running one transaction per revision where possible",
							session.dialect().displayName(), session.dialect().transactionalDdl()
									? "a script is not transactional" : "its DDL commits on its own");
				}
			}
			Callbacks callbacks = Callbacks.of(scripts.directory(), session.dialect(), session.placeholders());
			// Callbacks run even when nothing is pending (as Flyway's do), in the schema the revisions would use.
			if (!steps.isEmpty() || callbacks.any()) {
				session.prepareTables();
			}
			runner.callbacks(callbacks);
			RepeatableScripts repeatables = new RepeatableScripts(scripts.directory(), scripts.graph(),
					session.placeholders());
			List<AppliedRevision> applied = new ArrayList<>();
			if (baseline != null) {
				applied.add(baseline);
			}
			List<String> after;
			List<String> reapplied = List.of();
			try {
				callbacks.runAlone(Callbacks.before(direction), new SqlSink.Jdbc(connection), connection);
				try {
					applied.addAll(runner.run(connection, kind, steps, wholePlan));
				}
				catch (MigrationFailedException ex) {
					throw adoption.explain(ex);
				}
				// Nothing ran under the lock: the rows are as read.
				after = applied.isEmpty() ? before : session.versionTable().read(connection);
				reapplied = runRepeatables(session, repeatables, direction, after);
				callbacks.runAlone(Callbacks.after(direction), new SqlSink.Jdbc(connection), connection);
			}
			catch (RuntimeException ex) {
				callbacks.runAfterError(direction, connection, ex);
				throw ex;
			}
			if (indexed && validate) {
				this.upToDate.record(session, scripts, after);
			}
			MigrationResult result = new MigrationResult(kind, target.text(), applied, before, after,
					MigrationCommands.millisSince(start), reapplied);
			logger.info("{} to '{}' of {}: {} in {} ms; version now {}", MigrationCommands.capitalize(command), target,
					session.database(), MigrationCommands.describeCount(applied.size()), result.totalMillis(), after);
			this.listeners.afterRun(result);
			return result;
		}
		catch (SQLException ex) {
			throw opened.scriptErrorOr(new MigrateException(MigrationCommands.capitalize(command) + " failed: " + ex.getMessage(), ex));
		}
		catch (RuntimeException ex) {
			throw opened.scriptErrorOr(ex);
		}
	}

	// The result of an upgrade the index and the digest row prove has nothing to do, or null.
	private MigrationResult upToDate(CommandKind kind, Target target, long start) {
		List<String> rows;
		try {
			rows = this.upToDate.upToDate(target);
		}
		catch (SQLException ex) {
			throw new MigrateException(MigrationCommands.capitalize(kind.verb()) + " failed: " + ex.getMessage(), ex);
		}
		if (rows == null) {
			return null;
		}
		MigrationResult result = new MigrationResult(kind, target.text(), List.of(), rows, rows, MigrationCommands.millisSince(start));
		logger.info("{} to '{}': nothing to do in {} ms (scripts as indexed and validated before); version {}",
				MigrationCommands.capitalize(kind.verb()), target, result.totalMillis(), rows);
		this.listeners.afterRun(result);
		return result;
	}

	/**
	 * After an upgrade's steps, applies the repeatable scripts that are due; after a downgrade, marks those whose
	 * Depends On revision it reverted.
	 * @return the names applied
	 */
	private static List<String> runRepeatables(DatabaseSession session, RepeatableScripts repeatables,
			Direction direction, List<String> rows) {
		if (!repeatables.any()) {
			return List.of();
		}
		Connection connection = session.connection();
		try {
			if (direction == Direction.DOWNGRADE) {
				repeatables.afterDowngrade(connection, session.historyTable(), rows, session.installedBy());
				return List.of();
			}
			List<RepeatableScript> due = repeatables.due(rows, session.historyTable().readForValidation(connection));
			if (due.isEmpty()) {
				return List.of();
			}
			session.prepareTables();
			return repeatables.apply(connection, session.dialect(), session.historyTable(), due, rows,
					session.installedBy());
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read or write the repeatable scripts' rows in the history table "
					+ session.historyTable() + ": " + ex.getMessage(), ex);
		}
	}

}
