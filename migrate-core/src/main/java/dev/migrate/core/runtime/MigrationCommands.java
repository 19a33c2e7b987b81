package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.ConfigurationException;
import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationInfo;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.RepairResult;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.RevisionState;
import dev.migrate.core.RevisionStatus;
import dev.migrate.core.ValidationFailedException;
import dev.migrate.core.ValidationResult;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.MigrationScript;
import dev.migrate.core.script.ScriptDirectory;

/**
 * The commands behind {@link dev.migrate.core.Migrator}: each loads the scripts, builds the graph, opens one
 * connection and, when it writes, holds the migration lock while it reads the version table, plans, checks
 * and runs. Public only so that the facade can reach it; use {@link dev.migrate.core.Migrator}.
 */
public final class MigrationCommands {

	private static final Logger logger = LoggerFactory.getLogger(MigrationCommands.class);

	private static final int RECENT_HISTORY = 20;

	private final MigrateConfig config;

	private final ConnectionFactory connections;

	private final ScriptCache scripts;

	/**
	 * @param config the configuration
	 */
	public MigrationCommands(MigrateConfig config) {
		this.config = config;
		this.connections = new ConnectionFactory(config);
		this.scripts = new ScriptCache(config);
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
		return migrate("upgrade", target, Direction.UPGRADE);
	}

	/**
	 * @param target the target
	 * @return what ran
	 * @see dev.migrate.core.Migrator#downgrade(String)
	 */
	public MigrationResult downgrade(Target target) {
		return migrate("downgrade", target, Direction.DOWNGRADE);
	}

	private MigrationResult migrate(String command, Target target, Direction direction) {
		long start = System.nanoTime();
		Opened opened = openWithScripts();
		try (DatabaseSession session = opened.session()) {
			Connection connection = session.connection();
			session.lock(this.connections);
			List<String> before = session.versionTable().read(connection);
			boolean validate = direction == Direction.UPGRADE && this.config.validateOnMigrate();
			List<HistoryTable.Row> history = validate ? session.historyTable().readForValidation(connection) : null;
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
			MigrationPlanner planner = new MigrationPlanner(scripts.graph(), scripts.directory(), session.dialect());
			List<PlannedStep> steps = planner.plan(before, target, direction);
			MigrationRunner runner = new MigrationRunner(session.dialect(), session.versionTable(),
					session.historyTable(), this.config.listeners(), session.installedBy(),
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
			if (!steps.isEmpty()) {
				session.prepareTables();
			}
			List<AppliedRevision> applied = runner.run(connection, command, steps, wholePlan);
			// Nothing ran under the lock: the rows are as read.
			List<String> after = steps.isEmpty() ? before : session.versionTable().read(connection);
			MigrationResult result = new MigrationResult(command, target.text(), applied, before, after,
					millisSince(start));
			logger.info("{} to '{}' of {}: {} in {} ms; version now {}", capitalize(command), target,
					session.database(), describeCount(applied.size()), result.totalMillis(), after);
			notifyAfterRun(result);
			return result;
		}
		catch (SQLException ex) {
			throw opened.scriptErrorOr(new MigrateException(capitalize(command) + " failed: " + ex.getMessage(), ex));
		}
		catch (RuntimeException ex) {
			throw opened.scriptErrorOr(ex);
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
		Opened opened = openWithScripts();
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
					session.historyTable().append(connection, new HistoryTable.Row(0, id, "stamp", before, after,
							message, (revision != null) ? revision.source() : null, null, startedAt, millis,
							session.installedBy(), true, null, null, 0, null));
					if (!before.equals(after)) {
						steps.add(new AppliedRevision(id, message, "stamp", millis, after));
					}
				}
				sink.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				connection.setAutoCommit(true);
				throw ex;
			}
			MigrationResult result = new MigrationResult("stamp", target.text(), steps, before, after,
					millisSince(start));
			logger.info("Stamped {} to '{}': version {} -> {}", session.database(), target, before, after);
			steps.forEach((step) -> notifyListeners((listener) -> listener.afterStep(step)));
			notifyAfterRun(result);
			return result;
		}
		catch (SQLException ex) {
			throw new MigrateException("Stamp failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Accepts the scripts as they are now: rewrites the stored checksum of every applied revision whose script
	 * was edited since, and deletes the rows of failed runs of which nothing can have committed (a statement
	 * that failed before any other of its revision committed, with the version table still where the run
	 * started). Runs that may have committed something are kept and reported with the commands that settle them.
	 * @return what changed and what was kept
	 * @see dev.migrate.core.Migrator#repair()
	 */
	public RepairResult repair() {
		Opened opened = openWithScripts();
		try (DatabaseSession session = opened.session()) {
			Scripts scripts = opened.scripts();
			Connection connection = session.connection();
			session.lock(this.connections);
			HistoryTable history = session.historyTable();
			List<String> rows = session.versionTable().read(connection);
			List<HistoryTable.Row> all = history.read(connection, 0);
			SqlSink sink = new SqlSink.Jdbc(connection);
			sink.begin();
			List<RepairResult.ChecksumChange> checksums = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (HistoryTable.Row row : all) {
				if (!row.success() || "stamp".equals(row.direction()) || !seen.add(row.revision())
						|| !"upgrade".equals(row.direction()) || row.checksum() == null) {
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
			for (HistoryTable.Row row : history.latestSinceLastStamp(connection).values()) {
				if (row.success()) {
					continue;
				}
				boolean interrupted = HistoryTable.IN_PROGRESS.equals(row.error());
				if (row.statementsDone() == 0 && !interrupted
						&& new TreeSet<>(rows).equals(new TreeSet<>(row.versionBefore()))) {
					cleared.add(new RepairResult.ClearedRun(row.id(), row.revision(), row.direction(), row.startedAt(),
							"its first statement failed, so nothing of it committed, and the version table is still "
									+ rows));
					history.delete(connection, row.id());
				}
				else {
					String before = row.versionBefore().isEmpty() ? "base" : String.join(" ", row.versionBefore());
					kept.add("'" + row.revision() + "' " + (interrupted ? "was interrupted" : "failed") + " during "
							+ row.direction() + " (history row " + row.id() + ", started " + row.startedAt() + ") after "
							+ row.statementsDone() + " committed statement(s)"
							+ (interrupted ? ", and the statement after them may or may not have run" : "")
							+ ": check the database, then finish the revision by hand and run 'migrate stamp "
							+ row.revision() + "', or undo what ran and run 'migrate stamp " + before + "'");
				}
			}
			sink.commit();
			logger.info("Repaired {}: {} checksum(s) rewritten, {} failed run(s) cleared, {} kept", session.database(),
					checksums.size(), cleared.size(), kept.size());
			return new RepairResult(checksums, cleared, kept);
		}
		catch (SQLException ex) {
			throw new MigrateException("Repair failed: " + ex.getMessage(), ex);
		}
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
		return scripts.graph().branchHeads().stream().map((r) -> info(scripts.graph(), r, Set.of())).toList();
	}

	/**
	 * @return the branch points
	 * @see dev.migrate.core.Migrator#branches()
	 */
	public List<RevisionInfo> branches() {
		Scripts scripts = loadScripts();
		return scripts.graph().branchPoints().stream().map((r) -> info(scripts.graph(), r, Set.of())).toList();
	}

	/**
	 * @param range the range, or {@code null}
	 * @return the revisions, newest first
	 * @see dev.migrate.core.Migrator#history(String)
	 */
	public List<RevisionInfo> history(String range) {
		Scripts scripts = loadScripts();
		return scripts.graph().history(range).stream().map((r) -> info(scripts.graph(), r, Set.of())).toList();
	}

	/**
	 * @param revision the revision
	 * @return the revision
	 * @see dev.migrate.core.Migrator#show(String)
	 */
	public RevisionInfo show(Target revision) {
		Scripts scripts = loadScripts();
		return info(scripts.graph(), scripts.graph().resolveOne(revision), Set.of());
	}

	/**
	 * @param target the target
	 * @return the revisions an upgrade would run
	 * @see dev.migrate.core.Migrator#pending(String)
	 */
	public List<RevisionInfo> pending(Target target) {
		Scripts scripts = loadScripts();
		List<String> rows = known(scripts.graph(), current());
		return scripts.graph()
			.plan(rows, target, Direction.UPGRADE)
			.stream()
			.map((step) -> info(scripts.graph(), step.revision(), Set.copyOf(rows)))
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
		Opened opened = openWithScripts();
		try (DatabaseSession session = opened.session()) {
			Scripts scripts = opened.scripts();
			RevisionGraph graph = scripts.graph();
			List<String> rows = session.versionTable().read(session.connection());
			List<HistoryTable.Row> history = session.historyTable().read(session.connection(), 0);
			List<String> knownRows = known(graph, rows);
			Set<String> applied = new HashSet<>(knownRows);
			knownRows.forEach((row) -> applied.addAll(graph.ancestors(row)));
			List<String> pending = graph.plan(knownRows, "heads", Direction.UPGRADE)
				.stream()
				.map((step) -> step.revision().id())
				.toList();
			Map<String, HistoryTable.Row> lastUpgrade = new HashMap<>();
			for (HistoryTable.Row row : history) {
				if (row.success() && "upgrade".equals(row.direction())) {
					lastUpgrade.putIfAbsent(row.revision(), row);
				}
			}
			List<RevisionStatus> statuses = new ArrayList<>();
			for (Revision revision : graph.history(null)) {
				boolean isApplied = applied.contains(revision.id());
				HistoryTable.Row ran = isApplied ? lastUpgrade.get(revision.id()) : null;
				String checksum = scripts.directory().get(revision.id()).map(MigrationScript::checksum).orElse(null);
				statuses.add(new RevisionStatus(info(graph, revision, Set.copyOf(rows)),
						isApplied ? RevisionState.APPLIED : RevisionState.PENDING,
						(ran != null) ? ran.startedAt() : null, (ran != null) ? ran.installedBy() : null,
						(ran != null) ? ran.executionMillis() : null, checksum));
			}
			for (String row : rows) {
				if (graph.get(row).isEmpty()) {
					HistoryTable.Row ran = lastUpgrade.get(row);
					statuses.add(new RevisionStatus(
							new RevisionInfo(row, List.of(), Set.of(), List.of(), "",
									null, (ran != null && ran.script() != null) ? ran.script() : "", false, false, false,
									false, true),
							RevisionState.ORPHANED, (ran != null) ? ran.startedAt() : null,
							(ran != null) ? ran.installedBy() : null, (ran != null) ? ran.executionMillis() : null,
							null));
				}
			}
			List<String> heads = graph.heads().stream().map(Revision::id).sorted().toList();
			List<HistoryEntry> recent = history.stream().limit(RECENT_HISTORY).map(HistoryTable.Row::toEntry).toList();
			return new MigrationInfo(rows, heads, pending, statuses, recent);
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
				.map(HistoryTable.Row::toEntry)
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
		return offline(range, dialectName, Direction.UPGRADE);
	}

	/**
	 * @param range {@code start:end}
	 * @param dialectName the dialect
	 * @return the SQL
	 * @see dev.migrate.core.Migrator#downgradeSql(String, String)
	 */
	public String downgradeSql(String range, String dialectName) {
		return offline(range, dialectName, Direction.DOWNGRADE);
	}

	private String offline(String range, String dialectName, Direction direction) {
		String name = (dialectName != null) ? dialectName : this.config.dialect();
		if (name == null || name.isBlank()) {
			throw new ConfigurationException("dialect", "Offline SQL needs a dialect, because there is no database to "
					+ "detect it from; name one of " + String.join(", ", DialectResolver.names()));
		}
		Dialect dialect = DialectResolver.byName(name);
		Scripts scripts = loadScripts();
		String start;
		String end;
		int colon = (range != null) ? range.indexOf(':') : -1;
		if (colon >= 0) {
			start = range.substring(0, colon).strip();
			end = range.substring(colon + 1).strip();
		}
		else if (direction == Direction.UPGRADE) {
			start = "base";
			end = (range != null && !range.isBlank()) ? range.strip() : "heads";
		}
		else {
			throw new MigrateException("Offline downgrade needs a range 'start:end' (for example 'head:base'), "
					+ "because there is no database to read the current version from; got '" + range + "'");
		}
		if (start.isEmpty()) {
			start = "base";
		}
		List<String> startRows = start.equals("base") ? List.of()
				: List.copyOf(new TreeSet<>(scripts.graph().stampRows(List.of(), start)));
		VersionTable versionTable = new VersionTable(dialect, this.config.schema(), this.config.versionTable());
		SqlSink.Text sink = new SqlSink.Text(dialect);
		if (direction == Direction.UPGRADE && startRows.isEmpty()) {
			if (this.config.schema() != null && this.config.createSchemas() && dialect.supportsSchemas()) {
				writeQuietly(sink, dialect.createSchema(this.config.schema()));
			}
			writeQuietly(sink, versionTable.createSql());
		}
		MigrationPlanner planner = new MigrationPlanner(scripts.graph(), scripts.directory(), dialect);
		List<PlannedStep> steps = planner.plan(startRows, Target.parse(end), direction);
		if (steps.isEmpty() && colon >= 0 && direction == Direction.UPGRADE
				&& !startRows.equals(List.copyOf(new TreeSet<>(scripts.graph().stampRows(List.of(), end))))) {
			// An upgrade to an ancestor is a no-op online; offline it would print an empty script and exit 0.
			throw new MigrateException("Range '" + range + "' is empty: '" + end + "' is not above '" + start
					+ "'; swap the ends ('" + end + ":" + start + "')");
		}
		new MigrationRunner(dialect, versionTable, null, List.of(), null).write(sink, steps);
		return sink.text();
	}

	private static void writeQuietly(SqlSink sink, String sql) {
		try {
			sink.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts loading the scripts on a second thread and connects on this one: on a cold JVM each takes about as
	 * long as the other (class loading, reading and parsing files; loading the driver, the handshake), and every
	 * boot pays both. A script error wins over a database error, as it would if the scripts loaded first.
	 */
	private Opened openWithScripts() {
		FutureTask<Scripts> loading = new FutureTask<>(this::loadScripts);
		Thread loader = new Thread(loading, "migrate-script-loader");
		loader.setDaemon(true);
		loader.start();
		try {
			return new Opened(loading, DatabaseSession.open(this.config, this.connections));
		}
		catch (RuntimeException ex) {
			throw scriptErrorOr(loading, ex);
		}
	}

	// What the loader thread threw, to throw again on this one (an Error is thrown from here).
	private static RuntimeException loadFailure(Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new MigrateException("Could not load the migration scripts: " + cause, cause);
	}

	private static RuntimeException scriptErrorOr(FutureTask<Scripts> loading, RuntimeException databaseError) {
		try {
			loading.get();
			return databaseError;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause == databaseError) {
				return databaseError;
			}
			cause.addSuppressed(databaseError);
			return loadFailure(cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return databaseError;
		}
	}

	private Scripts loadScripts() {
		return this.scripts.get();
	}

	private static List<String> known(RevisionGraph graph, List<String> rows) {
		return rows.stream().filter((row) -> graph.get(row).isPresent()).toList();
	}

	static RevisionInfo info(RevisionGraph graph, Revision revision, Set<String> current) {
		return new RevisionInfo(revision.id(), revision.revises(), graph.branchLabels(revision.id()),
				revision.dependsOn(), revision.message(), revision.createDate(), revision.source(),
				graph.isHead(revision.id()), graph.isEffectiveHead(revision.id()),
				graph.isBranchPoint(revision.id()), graph.isMergePoint(revision.id()), current.contains(revision.id()));
	}

	private void notifyAfterRun(MigrationResult result) {
		notifyListeners((listener) -> listener.afterRun(result));
	}

	private void notifyListeners(java.util.function.Consumer<MigrationListener> call) {
		for (MigrationListener listener : this.config.listeners()) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed: {}", listener, ex.toString());
			}
		}
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

	/**
	 * A session, and the scripts still loading beside it.
	 */
	private record Opened(FutureTask<Scripts> loading, DatabaseSession session) {

		/**
		 * Waits for the scripts.
		 * @return them
		 */
		Scripts scripts() {
			try {
				return this.loading.get();
			}
			catch (ExecutionException ex) {
				throw loadFailure(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MigrateException("Interrupted while loading the migration scripts", ex);
			}
		}

		/**
		 * What to throw for a failure while the scripts were loading.
		 * @param ex the failure
		 * @return the script error, when loading them failed too, else {@code ex}
		 */
		RuntimeException scriptErrorOr(RuntimeException ex) {
			return MigrationCommands.scriptErrorOr(this.loading, ex);
		}

	}

}
