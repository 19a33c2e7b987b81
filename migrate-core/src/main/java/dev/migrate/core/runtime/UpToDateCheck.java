package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.ScriptCache.Scripts;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.dialect.Engine;
import dev.migrate.core.script.ScriptIndex;

/**
 * Decides that an upgrade to {@code heads} has nothing to do without reading a script or a history row, when the
 * location has an up-to-date {@link ScriptIndex} and the {@link DigestTable} says the database was validated
 * against the same scripts, at the index's heads, with no history row added since. Then the validation the
 * upgrade would run compares the same history with the same checksums and passes, and the plan is empty: the
 * answer is the same, at a cost that does not grow with the number of revisions (one index resource, the version
 * rows and one digest row, in one statement). Anything else (no index, an index that no longer matches its files, a new, edited or
 * removed script, another command since) takes the usual path, which records the state again when it validates.
 */
final class UpToDateCheck {

	private static final Logger logger = LoggerFactory.getLogger(UpToDateCheck.class);

	private final MigrateConfig config;

	private final ConnectionFactory connections;

	// The scripts a fleet run has already read for all its tenants, compared instead of an index; else null.
	private final ScriptCache shared;

	/**
	 * @param config the configuration
	 * @param connections the connection opener
	 * @param scripts the commands' scripts: when {@link ScriptCache#isPinned() pinned} (a tenant of a fleet run),
	 * their digest and heads stand in for an index, since the run has read them once for every tenant
	 */
	UpToDateCheck(MigrateConfig config, ConnectionFactory connections, ScriptCache scripts) {
		this.config = config;
		this.connections = connections;
		this.shared = scripts.isPinned() ? scripts : null;
	}

	/**
	 * Whether the check can apply: an upgrade to every head, no Java migrations, and a location holding an index.
	 * @param target the upgrade's target
	 * @return whether to {@link #upToDate(Target) check} and, after the usual path, {@link #record} the state
	 */
	boolean applies(Target target) {
		boolean allHeads = target.qualifier() == null && target.steps() == 0
				&& ("heads".equals(target.symbol()) || "head".equals(target.symbol()));
		if (!allHeads || !this.config.javaMigrations().isEmpty()) {
			return false;
		}
		if (this.shared != null) {
			// Callbacks run on every upgrade, even one with nothing to do (as a location with any has no index digest).
			return !this.shared.get().directory().hasCallbacks();
		}
		return ScriptIndex.present(this.config.locations(), this.config.classLoader());
	}

	/**
	 * Checks the database against the index. The index is checked against its files
	 * on a second thread while the connection opens: each costs about as much on a cold JVM.
	 * @param target the upgrade's target
	 * @return the version rows when nothing is to do, else {@code null}
	 * @throws SQLException if the driver fails
	 */
	List<String> upToDate(Target target) throws SQLException {
		if (this.shared != null) {
			Scripts scripts = this.shared.get();
			Connection connection = open();
			try {
				return matching(target, read(connection), scripts.directory().digest(), sortedHeads(scripts));
			}
			finally {
				close(connection);
			}
		}
		FutureTask<ScriptIndex> checking = new FutureTask<>(
				() -> ScriptIndex.find(this.config.locations(), this.config.classLoader()).orElse(null));
		Thread checker = new Thread(checking, "migrate-index-check");
		checker.setDaemon(true);
		checker.start();
		// Without the migration lock: a runner holding it writes a history row before it changes anything, and the
		// version rows, the recorded state and the newest history row are read in one statement, so a run in
		// progress or finished since the recording shows as a difference and this boot takes the usual path, which
		// waits for the lock.
		Connection connection = open();
		try {
			DigestTable.Reading reading = read(connection);
			ScriptIndex index = index(checking);
			return (index != null) ? matching(target, reading, index.digest(), index.heads()) : null;
		}
		finally {
			close(connection);
		}
	}

	private Connection open() throws SQLException {
		Connection connection = this.connections.open();
		try {
			connection.setAutoCommit(true);
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			close(connection);
			throw ex;
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Closing the connection failed: {}", ex.getMessage());
		}
	}

	/**
	 * The version rows with the recorded state, in the one statement the check sends, with no metadata query
	 * before it: the dialect is the configured one or the URL's, and only a DataSource asks the driver's metadata
	 * (whose product name and version need no round trip). The tables are in the configured schema, else in the
	 * default one, as the usual path names them: on PostgreSQL that is {@code current_schema()}, one round trip.
	 * Naming them without a schema instead, with the statement checking that each resolves to the default
	 * schema's table (a further table of that name along the search path must not pass for it), cost a fresh
	 * server session more than the round trip it saves (three {@code to_regclass} pairs on a cold catalog cache).
	 */
	private DigestTable.Reading read(Connection connection) throws SQLException {
		Dialect dialect = dialect(connection);
		String schema = (this.config.schema() != null) ? this.config.schema() : dialect.defaultSchema(connection);
		return DigestTable.of(dialect, schema, this.config).readWithVersionRows(connection);
	}

	// A jdbc:mysql: URL may reach MariaDB, whose statements this check sends are MySQL's.
	private Dialect dialect(Connection connection) throws SQLException {
		if (this.config.dialect() != null) {
			return DialectResolver.byName(this.config.dialect());
		}
		Engine engine = (this.config.dataSource() == null) ? Engine.fromUrl(this.config.url()) : null;
		return (engine != null) ? DialectResolver.of(engine) : DialectResolver.detect(connection.getMetaData());
	}

	// The version rows when the database was validated against these scripts and is at their heads, else null.
	private static List<String> matching(Target target, DigestTable.Reading reading, String digest,
			List<String> heads) {
		if (reading == null || !reading.versionRows().equals(heads)
				|| ("head".equals(target.symbol()) && heads.size() != 1)
				|| !reading.stored().scriptsDigest().equals(digest)
				|| !reading.stored().versionRows().equals(reading.versionRows())
				|| reading.stored().historyMark() != reading.historyMark()) {
			return null;
		}
		return reading.versionRows();
	}

	private static List<String> sortedHeads(Scripts scripts) {
		return scripts.graph().heads().stream().map(Revision::id).sorted().toList();
	}

	// The checked index, or null when there is none that matches its files (the usual path reports any problem).
	private static ScriptIndex index(FutureTask<ScriptIndex> checking) {
		try {
			return checking.get();
		}
		catch (ExecutionException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * Records the state an upgrade validated and left, when the database is at every head: the next boot with
	 * the same scripts then reads one row instead of the history.
	 * @param session the upgrade's session, holding the lock
	 * @param scripts the scripts validated
	 * @param after the version rows after the upgrade
	 */
	void record(DatabaseSession session, Scripts scripts, List<String> after) {
		if (!after.equals(sortedHeads(scripts))) {
			return;
		}
		Connection connection = session.connection();
		try {
			DigestTable table = session.digestTable();
			DigestTable.State state = new DigestTable.State(scripts.directory().digest(), after,
					table.historyMark(connection));
			DigestTable.Reading reading = table.exists(connection) ? table.read(connection) : null;
			if (reading == null || !reading.stored().equals(state)) {
				table.write(connection, state);
			}
		}
		catch (SQLException ex) {
			// Only the next boot's shortcut is lost: it validates the usual way.
			logger.debug("Could not record the validated state in {}: {}", session.database(), ex.getMessage());
		}
	}

}
