package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationHealth;
import dev.migrate.core.MigrationInfo;
import dev.migrate.core.MigrationInfoPage;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.RepairResult;
import dev.migrate.core.RepeatableInfo;
import dev.migrate.core.RepeatableState;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.RevisionStatus;
import dev.migrate.core.ValidationResult;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.script.Placeholders;
import dev.migrate.core.script.ScriptDirectory;

/**
 * The commands behind {@link dev.migrate.core.Migrator}: each takes the scripts and graph from the
 * {@link ScriptCache}, opens one connection and, when it writes, holds the migration lock while it reads the
 * version table, plans, checks and runs. An upgrade or downgrade is a {@link RevisionRun}; the status report
 * ({@link StatusReport}), offline SQL ({@link OfflineSql}) and repair ({@link Repair}) live in their own classes. Public only so that the facade can reach it; use
 * {@link dev.migrate.core.Migrator}.
 */
public final class MigrationCommands {

	private static final Logger logger = LoggerFactory.getLogger(MigrationCommands.class);

	private final MigrateConfig config;

	private final ConnectionFactory connections;

	private final ScriptCache scripts;

	private final Listeners listeners;

	private final RevisionRun revisions;

	private final StatusCache statusCache = new StatusCache();

	/**
	 * @param config the configuration
	 */
	public MigrationCommands(MigrateConfig config) {
		this.config = config;
		this.connections = new ConnectionFactory(config);
		this.scripts = new ScriptCache(config);
		this.listeners = new Listeners(config.listeners());
		this.revisions = new RevisionRun(config, this.connections, this.scripts, this.listeners);
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
		this.revisions = new RevisionRun(config, this.connections, this.scripts, this.listeners);
	}

	/**
	 * Stops the watch of the script files that reports start ({@link ScriptCache#close()}).
	 * @see dev.migrate.core.Migrator#close()
	 */
	public void close() {
		this.scripts.close();
	}

	/**
	 * @return the script cache, for tests
	 */
	ScriptCache scriptCache() {
		return this.scripts;
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
		return this.revisions.run(target, Direction.UPGRADE);
	}

	/**
	 * @param target the target
	 * @return what ran
	 * @see dev.migrate.core.Migrator#downgrade(String)
	 */
	public MigrationResult downgrade(Target target) {
		return this.revisions.run(target, Direction.DOWNGRADE);
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
		return report(this.scripts::get, (session, scripts) -> StatusReport.of(scripts,
				session.versionTable().read(session.connection()), session.historyTable().read(session.connection(), 0)));
	}

	/**
	 * @param page the page, from 0
	 * @param size the most revisions per page, checked by the facade
	 * @param recentHistory the most history rows, checked by the facade
	 * @return the database's state against the scripts, with one page of the revisions
	 * @see dev.migrate.core.Migrator#info(int, int, int)
	 */
	public MigrationInfoPage info(int page, int size, int recentHistory) {
		return reportOnCachedScripts((session, scripts) -> StatusPage.read(session, scripts, this.statusCache, page,
				size, recentHistory));
	}

	/**
	 * @param id a full revision id
	 * @return its status, or empty when unknown
	 * @see dev.migrate.core.Migrator#status(String)
	 */
	public Optional<RevisionStatus> status(String id) {
		return reportOnCachedScripts(
				(session, scripts) -> StatusPage.readOne(session, scripts, this.statusCache, id));
	}

	/**
	 * @return the state a health check reports, from the version rows and the newest history row only
	 * @see dev.migrate.core.Migrator#health()
	 */
	public MigrationHealth health() {
		return reportOnCachedScripts((session, scripts) -> {
			List<String> rows = session.versionTable().read(session.connection());
			List<HistoryRow> newest = session.historyTable().read(session.connection(), 1);
			RevisionGraph graph = scripts.graph();
			// The pending count and orphans walk the graph: computed once per set of version rows.
			AppliedRows applied = this.statusCache.applied(graph, rows);
			List<String> heads = graph.heads().stream().map(Revision::id).sorted().toList();
			return new MigrationHealth(rows, heads, applied.pending().size(),
					pendingRepeatables(session, scripts, applied, rows, newest), applied.orphaned(),
					newest.isEmpty() ? null : newest.get(0).toEntry());
		});
	}

	/**
	 * The repeatable scripts an upgrade would run: each one's newest successful history row, found once per
	 * newest history row and read by key, against its checksum. Without repeatable scripts, nothing is read.
	 */
	private List<String> pendingRepeatables(DatabaseSession session, Scripts scripts, AppliedRows applied,
			List<String> rows, List<HistoryRow> newest) throws SQLException {
		RepeatableScripts repeatables = new RepeatableScripts(scripts.directory(), scripts.graph(),
				Placeholders.none());
		if (!repeatables.any()) {
			return List.of();
		}
		Connection connection = session.connection();
		HistoryFacts facts = this.statusCache.facts(scripts.graph(), rows, newest.isEmpty() ? 0 : newest.get(0).id(),
				() -> session.historyTable().read(connection, 0));
		List<HistoryRow> last = session.historyTable().readIds(connection, facts.repeatables().values());
		return repeatables.statuses(applied.applied(), last)
			.stream()
			.filter((status) -> status.state() == RepeatableState.PENDING)
			.map((status) -> status.repeatable().name())
			.sorted()
			.toList();
	}

	/**
	 * Reads a report on the scripts as {@link ScriptCache#forReport()} gives them: those the cache holds while no
	 * watched file changed (without a second thread, as there is nothing to load), else checked beside the session.
	 * @param read what to read
	 * @return what was read
	 */
	private <T> T reportOnCachedScripts(Report<T> read) {
		Scripts fresh = this.scripts.forReportIfFresh();
		return (fresh != null) ? report(SessionWithScripts.openWith(this.config, this.connections, fresh), read)
				: report(this.scripts::forReport, read);
	}

	/**
	 * Opens a session while the scripts load, and reads a report from both.
	 * @param scripts where the scripts come from: checked on every call, or as {@link ScriptCache#forReport()}
	 * @param read what to read
	 * @return what was read
	 */
	private <T> T report(Supplier<Scripts> scripts, Report<T> read) {
		return report(SessionWithScripts.open(this.config, this.connections, scripts), read);
	}

	private <T> T report(SessionWithScripts opened, Report<T> read) {
		try (DatabaseSession session = opened.session()) {
			return read.read(session, opened.scripts());
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the version or history table: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A read of the version and history tables against the scripts.
	 */
	@FunctionalInterface
	private interface Report<T> {

		T read(DatabaseSession session, Scripts scripts) throws SQLException;

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

	static String describeCount(int count) {
		return (count == 1) ? "1 revision" : count + " revisions";
	}

	static String capitalize(String command) {
		return Character.toUpperCase(command.charAt(0)) + command.substring(1);
	}

	static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
