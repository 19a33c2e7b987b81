package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.RepeatableScript;
import dev.migrate.core.script.ScriptIndex;

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
		AtomicReference<ScriptIndex> checkedIndex = new AtomicReference<>();
		if (indexed) {
			MigrationResult upToDate = upToDate(kind, target, start, checkedIndex);
			if (upToDate != null) {
				return upToDate;
			}
		}
		// An upgrade may plan from the index's facts and read each script just before it runs: the loader then
		// checks the index and hands it over here, and gives no scripts.
		AtomicReference<IndexedScripts> fromIndex = new AtomicReference<>();
		Supplier<Scripts> loading = this.scripts::get;
		if (direction == Direction.UPGRADE && IndexedScripts.mayApply(this.config, this.scripts)) {
			loading = () -> {
				IndexedScripts found = IndexedScripts.find(this.config, checkedIndex.get());
				if (found == null) {
					return this.scripts.get();
				}
				fromIndex.set(found);
				return null;
			};
		}
		SessionWithScripts opened = SessionWithScripts.open(this.config, this.connections, loading);
		IndexedSteps reading = null;
		try (DatabaseSession session = opened.session()) {
			Connection connection = session.connection();
			session.lock(this.connections);
			List<String> before = session.versionTable().read(connection);
			boolean validate = direction == Direction.UPGRADE && this.config.validateOnMigrate();
			List<HistoryRow> history = validate ? session.historyTable().readForValidation(connection) : null;
			// Only now wait for the scripts: the reads above need the connection alone.
			Scripts scripts = opened.scripts();
			IndexedScripts indexedScripts = (scripts == null) ? fromIndex.get() : null;
			RevisionGraph graph = (scripts != null) ? scripts.graph() : indexedScripts.graph();
			if (validate) {
				List<String> problems = validate(scripts, indexedScripts, before, history);
				if (!problems.isEmpty()) {
					// Again with the whole rows, whose file names and dates the messages quote.
					problems = validate(scripts, indexedScripts, before, session.historyTable().read(connection, 0));
				}
				if (!problems.isEmpty()) {
					throw new ValidationFailedException("Validation failed before the upgrade, nothing ran: "
							+ String.join("; ", problems), problems);
				}
			}
			// An upgrade of a database that holds tables but no history: stamped first with baselineOnMigrate.
			Baseline adoption = new Baseline(this.config, session, graph);
			AppliedRevision baseline = (direction == Direction.UPGRADE) ? adoption.stampIfAdopting(connection, before)
					: null;
			List<String> from = before;
			if (baseline != null) {
				from = baseline.versionRowsAfter();
				this.listeners.afterStep(baseline);
			}
			if (indexedScripts != null) {
				reading = indexedScripts.plan(from, target, session.dialect(), session.placeholders());
				if (reading == null) {
					// A step the facts cannot vouch for: plan from the scripts, which reports the problem.
					scripts = this.scripts.get();
					indexedScripts = null;
				}
			}
			List<PlannedStep> steps = (reading != null) ? reading
					: new MigrationPlanner(scripts.graph(), scripts.directory(), session.dialect(),
							session.placeholders()).plan(from, target, direction);
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
			// The index's facts hold revisions only: no callbacks and no repeatable scripts.
			Callbacks callbacks = (scripts != null)
					? Callbacks.of(scripts.directory(), session.dialect(), session.placeholders()) : Callbacks.none();
			// Callbacks run even when nothing is pending (as Flyway's do), in the schema the revisions would use.
			if (!steps.isEmpty() || callbacks.any()) {
				session.prepareTables();
			}
			runner.callbacks(callbacks);
			RepeatableScripts repeatables = (scripts != null)
					? new RepeatableScripts(scripts.directory(), scripts.graph(), session.placeholders()) : null;
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
				reapplied = (repeatables != null) ? runRepeatables(session, repeatables, direction, after) : List.of();
				callbacks.runAlone(Callbacks.after(direction), new SqlSink.Jdbc(connection), connection);
			}
			catch (RuntimeException ex) {
				callbacks.runAfterError(direction, connection, ex);
				throw ex;
			}
			if (indexed && validate) {
				if (scripts != null) {
					this.upToDate.record(session, scripts, after);
				}
				else {
					this.upToDate.record(session, indexedScripts.digest(),
							graph.heads().stream().map(Revision::id).sorted().toList(), after);
				}
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
		finally {
			if (reading != null) {
				reading.close();
			}
		}
	}

	private static List<String> validate(Scripts scripts, IndexedScripts indexed, List<String> rows,
			List<HistoryRow> history) {
		return (scripts != null) ? MigrationPlanner.validate(scripts.directory(), scripts.graph(), rows, history)
				: MigrationPlanner.validate(indexed::checked, indexed.graph(), rows, history);
	}

	// The result of an upgrade the index and the digest row prove has nothing to do, or null.
	private MigrationResult upToDate(CommandKind kind, Target target, long start,
			AtomicReference<ScriptIndex> checkedIndex) {
		List<String> rows;
		try {
			rows = this.upToDate.upToDate(target, checkedIndex);
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
