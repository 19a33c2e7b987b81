package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationInfo;
import dev.migrate.core.MigrationFailedException;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.RepairResult;
import dev.migrate.core.RepeatableInfo;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.ValidationFailedException;
import dev.migrate.core.ValidationResult;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.RepeatableScript;
import dev.migrate.core.script.ScriptDirectory;

/**
 * The commands behind {@link dev.migrate.core.Migrator}: each takes the scripts and graph from the
 * {@link ScriptCache}, opens one connection and, when it writes, holds the migration lock while it reads the
 * version table, plans, checks and runs ({@link MigrationRunner}). The status report ({@link StatusReport}) and
 * offline SQL ({@link OfflineSql}) live in their own classes. Public only so that the facade can reach it; use
 * {@link dev.migrate.core.Migrator}.
 */
public final class MigrationCommands {

	private static final Logger logger = LoggerFactory.getLogger(MigrationCommands.class);

	private final MigrateConfig config;

	private final ConnectionFactory connections;

	private final ScriptCache scripts;

	private final Listeners listeners;

	private final UpToDateCheck upToDate;

	/**
	 * @param config the configuration
	 */
	public MigrationCommands(MigrateConfig config) {
		this.config = config;
		this.connections = new ConnectionFactory(config);
		this.scripts = new ScriptCache(config);
		this.listeners = new Listeners(config.listeners());
		this.upToDate = new UpToDateCheck(config, this.connections);
	}

	/**
	 * Commands on another database that run the scripts {@code scriptsOf} has read, without reading them again.
	 * @param config the other database's configuration, with the same script settings
	 * @param scriptsOf the commands whose scripts to share
	 * @see dev.migrate.core.Migrator#sharingScripts(MigrateConfig)
	 */
	public MigrationCommands(MigrateConfig config, MigrationCommands scriptsOf) {
		this.config = config;
		this.connections = new ConnectionFactory(config);
		this.scripts = scriptsOf.scripts.pinned();
		this.listeners = new Listeners(config.listeners());
		this.upToDate = new UpToDateCheck(config, this.connections);
	}

	/**
	 * @return how many times the scripts were read from their locations
	 * @see dev.migrate.core.Migrator#scriptLoads()
	 */
	public long scriptLoads() {
		return this.scripts.loads();
	}

	/**
	 * @param target the target
	 * @return what ran
	 * @see dev.migrate.core.Migrator#upgrade(String)
	 */
	public MigrationResult upgrade(Target target) {
		return migrate(target, Direction.UPGRADE);
	}

	/**
	 * @param target the target
	 * @return what ran
	 * @see dev.migrate.core.Migrator#downgrade(String)
	 */
	public MigrationResult downgrade(Target target) {
		return migrate(target, Direction.DOWNGRADE);
	}

	private MigrationResult migrate(Target target, Direction direction) {
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
					millisSince(start), reapplied);
			logger.info("{} to '{}' of {}: {} in {} ms; version now {}", capitalize(command), target,
					session.database(), describeCount(applied.size()), result.totalMillis(), after);
			this.listeners.afterRun(result);
			return result;
		}
		catch (SQLException ex) {
			throw opened.scriptErrorOr(new MigrateException(capitalize(command) + " failed: " + ex.getMessage(), ex));
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
			throw new MigrateException(capitalize(kind.verb()) + " failed: " + ex.getMessage(), ex);
		}
		if (rows == null) {
			return null;
		}
		MigrationResult result = new MigrationResult(kind, target.text(), List.of(), rows, rows, millisSince(start));
		logger.info("{} to '{}': nothing to do in {} ms (scripts as indexed and validated before); version {}",
				capitalize(kind.verb()), target, result.totalMillis(), rows);
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

	/**
	 * @param target the target
	 * @param purge whether to empty the version table first
	 * @return the rows before and after
	 * @see dev.migrate.core.Migrator#stamp(String, boolean)
	 */
	public MigrationResult stamp(Target target, boolean purge) {
		long start = System.nanoTime();
		SessionWithScripts opened = SessionWithScripts.open(this.config, this.connections, this.scripts::get);
		try (DatabaseSession session = opened.session()) {
			Scripts scripts = opened.scripts();
			Connection connection = session.connection();
			session.lock(this.connections);
			List<String> before = session.versionTable().read(connection);
			List<String> from = purge ? List.of() : before;
			List<String> after = List.copyOf(new TreeSet<>(scripts.graph().stampRows(from, target)));
			List<String> added = new ArrayList<>(after);
			added.removeAll(before);
			List<AppliedRevision> steps = new ArrayList<>();
			session.prepareTables();
			long stepStart = System.nanoTime();
			Instant startedAt = Instant.now();
			SqlSink sink = new SqlSink.Jdbc(connection);
			sink.begin();
			try {
				if (purge) {
					session.versionTable().purge(sink);
				}
				session.versionTable().update(sink, from, after);
				List<String> ids = !added.isEmpty() ? added
						: List.of(after.isEmpty() ? "base" : abbreviate(String.join(",", after)));
				for (String id : ids) {
					Revision revision = scripts.graph().get(id).orElse(null);
					String message = (revision != null) ? revision.message() : "";
					long millis = millisSince(stepStart);
					try (HistoryWriter history = session.historyTable().writer(connection)) {
						history.append(HistoryRow.stamp(id, before, after, message,
								(revision != null) ? revision.source() : null, startedAt, millis,
								session.installedBy()));
					}
					if (!before.equals(after)) {
						steps.add(new AppliedRevision(id, message, CommandKind.STAMP, millis, before, after));
					}
				}
				sink.commit();
				connection.setAutoCommit(true);
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				connection.setAutoCommit(true);
				throw ex;
			}
			MigrationResult result = new MigrationResult(CommandKind.STAMP, target.text(), steps, before, after,
					millisSince(start));
			logger.info("Stamped {} to '{}': version {} -> {}", session.database(), target, before, after);
			steps.forEach(this.listeners::afterStep);
			this.listeners.afterRun(result);
			return result;
		}
		catch (SQLException ex) {
			throw new MigrateException("Stamp failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @return what changed and what was kept
	 * @see dev.migrate.core.Migrator#repair()
	 */
	public RepairResult repair() {
		return new Repair(this.config, this.connections, this.scripts).run();
	}

	/**
	 * @return the version rows, sorted
	 * @see dev.migrate.core.Migrator#current()
	 */
	public List<String> current() {
		try (DatabaseSession session = DatabaseSession.open(this.config, this.connections)) {
			return session.versionTable().read(session.connection());
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the version table " + this.config.versionTable() + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * @return the heads
	 * @see dev.migrate.core.Migrator#heads()
	 */
	public List<RevisionInfo> heads() {
		Scripts scripts = loadScripts();
		return scripts.graph().branchHeads().stream().map((r) -> RevisionInfos.of(scripts.graph(), r, Set.of())).toList();
	}

	/**
	 * @return the branch points
	 * @see dev.migrate.core.Migrator#branches()
	 */
	public List<RevisionInfo> branches() {
		Scripts scripts = loadScripts();
		return scripts.graph().branchPoints().stream().map((r) -> RevisionInfos.of(scripts.graph(), r, Set.of())).toList();
	}

	/**
	 * @param range the range, or {@code null}
	 * @return the revisions, newest first
	 * @see dev.migrate.core.Migrator#history(String)
	 */
	public List<RevisionInfo> history(String range) {
		Scripts scripts = loadScripts();
		return scripts.graph().history(range).stream().map((r) -> RevisionInfos.of(scripts.graph(), r, Set.of())).toList();
	}

	/**
	 * @param revision the revision
	 * @return the revision
	 * @see dev.migrate.core.Migrator#show(String)
	 */
	public RevisionInfo show(Target revision) {
		Scripts scripts = loadScripts();
		return RevisionInfos.of(scripts.graph(), scripts.graph().resolveOne(revision), Set.of());
	}

	/**
	 * @return the repeatable scripts, by name
	 * @see dev.migrate.core.Migrator#repeatables()
	 */
	public List<RepeatableInfo> repeatables() {
		return loadScripts().directory().repeatables().stream().map(RepeatableScripts::info).toList();
	}

	/**
	 * @param target the target
	 * @return the revisions an upgrade would run
	 * @see dev.migrate.core.Migrator#pending(String)
	 */
	public List<RevisionInfo> pending(Target target) {
		Scripts scripts = loadScripts();
		List<String> rows = RevisionInfos.known(scripts.graph(), current());
		return scripts.graph()
			.plan(rows, target, Direction.UPGRADE)
			.stream()
			.map((step) -> RevisionInfos.of(scripts.graph(), step.revision(), Set.copyOf(rows)))
			.toList();
	}

	/**
	 * @return the problems found
	 * @see dev.migrate.core.Migrator#validate()
	 */
	public ValidationResult validate() {
		ScriptCache.Lenient loaded = this.scripts.getLenient();
		ScriptDirectory directory = loaded.directory();
		RevisionGraph graph = loaded.graph();
		List<String> problems = new ArrayList<>();
		if (loaded.graphProblem() != null) {
			problems.add(loaded.graphProblem().getMessage());
		}
		try (DatabaseSession session = DatabaseSession.open(this.config, this.connections)) {
			List<String> rows = session.versionTable().read(session.connection());
			problems.addAll(MigrationPlanner.validate(directory, graph, rows,
					session.historyTable().read(session.connection(), 0)));
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the version or history table: " + ex.getMessage(), ex);
		}
		return new ValidationResult(problems);
	}

	/**
	 * @return the database's state against the scripts
	 * @see dev.migrate.core.Migrator#info()
	 */
	public MigrationInfo info() {
		SessionWithScripts opened = SessionWithScripts.open(this.config, this.connections, this.scripts::get);
		try (DatabaseSession session = opened.session()) {
			Scripts scripts = opened.scripts();
			List<String> rows = session.versionTable().read(session.connection());
			return StatusReport.of(scripts, rows, session.historyTable().read(session.connection(), 0));
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the version or history table: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param limit the most rows
	 * @return the latest history rows, newest first
	 * @see dev.migrate.core.Migrator#appliedHistory(int)
	 */
	public List<HistoryEntry> appliedHistory(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must be zero (all) or positive, was " + limit);
		}
		try (DatabaseSession session = DatabaseSession.open(this.config, this.connections)) {
			return session.historyTable()
				.read(session.connection(), limit)
				.stream()
				.map(HistoryRow::toEntry)
				.toList();
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the history table " + this.config.historyTable() + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * @param range {@code start:end} or the end
	 * @param dialectName the dialect
	 * @return the SQL
	 * @see dev.migrate.core.Migrator#upgradeSql(String, String)
	 */
	public String upgradeSql(String range, String dialectName) {
		return new OfflineSql(this.config).write(loadScripts(), range, dialectName, Direction.UPGRADE);
	}

	/**
	 * @param range {@code start:end}
	 * @param dialectName the dialect
	 * @return the SQL
	 * @see dev.migrate.core.Migrator#downgradeSql(String, String)
	 */
	public String downgradeSql(String range, String dialectName) {
		return new OfflineSql(this.config).write(loadScripts(), range, dialectName, Direction.DOWNGRADE);
	}

	private Scripts loadScripts() {
		return this.scripts.get();
	}

	private static String abbreviate(String ids) {
		return (ids.length() <= 255) ? ids : ids.substring(0, 252) + "...";
	}

	private static String describeCount(int count) {
		return (count == 1) ? "1 revision" : count + " revisions";
	}

	private static String capitalize(String command) {
		return Character.toUpperCase(command.charAt(0)) + command.substring(1);
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
