package dev.migrate.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

/**
 * The floor of applying revisions with migrate's crash guarantees: hand-written raw JDBC that applies each
 * statement with exactly the bookkeeping those guarantees need (the version row moved and checked, a history row
 * written, committed with the statement or, where DDL commits on its own, before it), in the cheapest form the
 * engine allows, into tables of migrate's shape created as migrate creates them. What it does not do is migrate's
 * own work: reading, checksumming and parsing scripts, planning, the lock, validation. So migrate over this floor
 * is migrate's own overhead, and this floor over raw JDBC is the price of the guarantee.
 * <p>
 * {@link Tool#RAW_JDBC_BOOKKEEPING} is the form migrate uses; the other floor tools are the alternatives measured
 * against it, each on its one engine:
 * <ul>
 * <li>SQLite (one transaction per revision: the statement, the version {@code UPDATE}, the history
 * {@code INSERT}, {@code COMMIT}): the history id with or without {@code AUTOINCREMENT} (which writes
 * {@code sqlite_sequence} on every commit), and the version table {@code WITHOUT ROWID} (one b-tree, not a table
 * and its primary-key index).</li>
 * <li>PostgreSQL (one round trip: the statement, the checked version-row change, the history row and
 * {@code COMMIT}): the check as a {@code DO} block, as a data-modifying CTE that fails when it matched no row, as
 * the history insert itself (its {@code revision} comes from the CTE, so no row means a {@code NOT NULL}
 * violation), and unchecked (not safe: the lower bound).</li>
 * <li>MariaDB (DDL commits on its own, so the bookkeeping is committed before it): two round trips (the
 * bookkeeping batch, checked, then the DDL, which commits it), or one (the previous, checked bookkeeping's
 * {@code COMMIT}, the DDL and this revision's bookkeeping as one batch).</li>
 * </ul>
 */
final class BookkeepingFloor {

	static final String VERSION_TABLE = "migrate_version";

	static final String HISTORY_TABLE = "migrate_history";

	private static final String COLUMNS = "revision, direction, version_before, version_after, message, script, "
			+ "checksum, started_at, execution_ms, installed_by, success, error, failed_statement, statements_done, "
			+ "progress_checksum";

	private static final String IN_PROGRESS = "in progress (interrupted before it finished)";

	// Any 64 hex digits: migrate writes a SHA-256; computing one is migrate's work, not the bookkeeping's.
	private static final String CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private static final DateTimeFormatter LITERAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private final Tool tool;

	private final Workload workload;

	private final String installedBy;

	private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

	private BookkeepingFloor(Tool tool, Workload workload, String user) {
		this.tool = tool;
		this.workload = workload;
		this.installedBy = (user.isEmpty() ? "bench" : user) + "@localhost";
	}

	static void run(Tool tool, Workload workload, String url, String user, String password) throws Exception {
		List<String> statements = Files.readAllLines(workload.upgradeStatements(), StandardCharsets.UTF_8);
		BookkeepingFloor floor = new BookkeepingFloor(tool, workload, user);
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			if (url.startsWith("jdbc:sqlite:")) {
				floor.sqlite(connection, statements);
			}
			else if (url.startsWith("jdbc:postgresql:")) {
				floor.postgresql(connection, statements);
			}
			else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
				floor.mariadb(connection, statements);
			}
			else {
				throw new IllegalArgumentException("No bookkeeping floor for " + url);
			}
		}
	}

	// SQLite: each revision is one transaction, as migrate runs it: the statement, the version row, the history
	// row, COMMIT; the update count checked in between costs nothing (no network).
	private void sqlite(Connection connection, List<String> statements) throws SQLException {
		createTables(connection, "jdbc:sqlite:");
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement();
				PreparedStatement first = connection.prepareStatement(
						"INSERT INTO \"" + VERSION_TABLE + "\" (\"version_num\") VALUES (?)");
				PreparedStatement update = connection.prepareStatement("UPDATE \"" + VERSION_TABLE
						+ "\" SET \"version_num\" = ? WHERE \"version_num\" = ?");
				PreparedStatement history = connection.prepareStatement(insertHistory("\"", "?"))) {
			for (int i = 1; i <= statements.size(); i++) {
				Phases.step(i);
				long start = System.nanoTime();
				Instant startedAt = Instant.now();
				statement.execute(statements.get(i - 1));
				moveVersion(first, update, i);
				bindSucceeded(history, i, startedAt, millisSince(start));
				history.executeUpdate();
				connection.commit();
			}
		}
	}

	// PostgreSQL: the driver's BEGIN, the statement, the checked version-row change, the history row (its time the
	// server's since the transaction began) and COMMIT in one round trip; the server runs nothing after a failure.
	private void postgresql(Connection connection, List<String> statements) throws SQLException {
		createTables(connection, "jdbc:postgresql:");
		connection.setAutoCommit(false);
		String transactionMillis = "CAST(EXTRACT(EPOCH FROM clock_timestamp() - now()) * 1000 AS BIGINT)";
		for (int i = 1; i <= statements.size(); i++) {
			Phases.step(i);
			long start = System.nanoTime();
			Instant startedAt = Instant.now();
			String sql;
			if (i == 1) {
				sql = statements.get(0) + ";\nINSERT INTO \"" + VERSION_TABLE + "\" (\"version_num\") VALUES ('"
						+ Workload.revisionId(1) + "');\n" + insertHistory("\"", "? + " + transactionMillis);
			}
			else if (this.tool == Tool.FLOOR_INSERT_CHECK) {
				sql = statements.get(i - 1) + ";\nWITH moved AS (" + updateVersion(i)
						+ " RETURNING \"version_num\") " + insertHistory("\"", "? + " + transactionMillis)
							.replaceFirst("VALUES \\(\\?", "VALUES ((SELECT CAST(? AS VARCHAR) FROM moved)");
			}
			else {
				sql = statements.get(i - 1) + ";\n" + checkedUpdate(i) + ";\n"
						+ insertHistory("\"", "? + " + transactionMillis);
			}
			try (PreparedStatement pipeline = connection.prepareStatement(sql + ";\nCOMMIT")) {
				bindSucceeded(pipeline, i, startedAt, millisSince(start));
				pipeline.execute();
			}
		}
	}

	private String checkedUpdate(int i) {
		String update = updateVersion(i);
		return switch (this.tool) {
			case RAW_JDBC_BOOKKEEPING, FLOOR_DO_CHECK -> "DO $migrate$BEGIN " + update
					+ "; IF NOT FOUND THEN RAISE EXCEPTION 'Online migration expected to match one row'; END IF;"
					+ " END$migrate$";
			// count(*) is not a constant, so the cast is evaluated (and fails) only when no row matched.
			case FLOOR_CTE_CHECK -> "WITH moved AS (" + update + " RETURNING 1) SELECT CASE WHEN count(*) = 1 THEN 1"
					+ " ELSE CAST('version rows matched: ' || count(*) AS INTEGER) END FROM moved";
			case FLOOR_UNCHECKED -> update;
			default -> throw new IllegalStateException(this.tool + " is not a PostgreSQL floor");
		};
	}

	private static String updateVersion(int i) {
		return "UPDATE \"" + VERSION_TABLE + "\" SET \"version_num\" = '" + Workload.revisionId(i)
				+ "' WHERE \"version_num\" = '" + Workload.revisionId(i - 1) + "'";
	}

	// MariaDB: DDL commits on its own, so revision i's history row ("started") is committed before its DDL runs;
	// the DDL itself is that commit (the server commits the open transaction before it). Two round trips: the
	// bookkeeping batch (revision i-1 done, revision i started), whose counts the client checks, then the DDL.
	// One round trip: the checked bookkeeping's COMMIT, the DDL and this revision's bookkeeping as one batch, which
	// the server runs to the end even when the DDL fails (the client would then roll the bookkeeping back).
	private void mariadb(Connection connection, List<String> statements) throws SQLException {
		createTables(connection, "jdbc:mariadb:");
		boolean oneTrip = this.tool == Tool.FLOOR_ONE_TRIP;
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			// Revision 1's row, committed before its DDL.
			statement.executeUpdate(literalInsert(1, Instant.now()), Statement.RETURN_GENERATED_KEYS);
			long id = lastKey(statement);
			connection.commit();
			for (int i = 1; i <= statements.size(); i++) {
				Phases.step(i);
				long start = System.nanoTime();
				boolean last = i == statements.size();
				if (!oneTrip) {
					statement.execute(statements.get(i - 1));
				}
				else if (i > 1) {
					statement.addBatch("COMMIT");
				}
				if (oneTrip) {
					statement.addBatch(statements.get(i - 1));
				}
				String version = (i == 1)
						? "INSERT INTO `" + VERSION_TABLE + "` (`version_num`) VALUES ('" + Workload.revisionId(1) + "')"
						: updateVersion(i).replace('"', '`');
				statement.addBatch(version);
				statement.addBatch(literalCompletion(id, i, millisSince(start)));
				if (!last) {
					statement.addBatch(literalInsert(i + 1, Instant.now()));
				}
				int[] counts = statement.executeBatch();
				int first = (oneTrip && i > 1) ? 2 : (oneTrip ? 1 : 0);
				if (counts[first] != 1 || counts[first + 1] != 1) {
					throw new IllegalStateException("Revision " + i + ": the version row or history row did not match");
				}
				if (!last) {
					id = lastKey(statement);
				}
			}
			connection.commit();
		}
	}

	private void createTables(Connection connection, String url) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : createTables(this.tool, url)) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * The statements that create the version and history tables, as migrate's dialect writes them
	 * ({@code createVersionTable}, {@code createHistoryTable}) for {@link Tool#RAW_JDBC_BOOKKEEPING}, and in the
	 * alternative shape for the SQLite alternatives.
	 * @param tool the floor tool
	 * @param url the database's JDBC URL (or its prefix)
	 * @return the two statements
	 */
	static List<String> createTables(Tool tool, String url) {
		if (url.startsWith("jdbc:sqlite:")) {
			boolean autoincrement = tool == Tool.RAW_JDBC_BOOKKEEPING || tool == Tool.FLOOR_AUTOINCREMENT;
			boolean withoutRowid = tool == Tool.FLOOR_VERSION_WITHOUT_ROWID;
			return List.of(
					"CREATE TABLE IF NOT EXISTS \"" + VERSION_TABLE + "\" (" + versionColumns("\"") + ")"
							+ (withoutRowid ? " WITHOUT ROWID" : ""),
					"CREATE TABLE IF NOT EXISTS \"" + HISTORY_TABLE + "\" (" + historyColumns("\"",
							autoincrement ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "INTEGER PRIMARY KEY", "TEXT",
							"TIMESTAMP", "BOOLEAN") + ")");
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return List.of("CREATE TABLE IF NOT EXISTS \"" + VERSION_TABLE + "\" (" + versionColumns("\"") + ")",
					"CREATE TABLE IF NOT EXISTS \"" + HISTORY_TABLE + "\" (" + historyColumns("\"",
							"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "TEXT", "TIMESTAMP", "BOOLEAN") + ")");
		}
		return List.of("CREATE TABLE IF NOT EXISTS `" + VERSION_TABLE + "` (" + versionColumns("`") + ")",
				"CREATE TABLE IF NOT EXISTS `" + HISTORY_TABLE + "` (" + historyColumns("`",
						"BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY", "TEXT", "DATETIME(3)", "BOOLEAN") + ")");
	}

	private static long lastKey(Statement statement) throws SQLException {
		long id = -1;
		try (ResultSet keys = statement.getGeneratedKeys()) {
			while (keys.next()) {
				id = keys.getLong(1);
			}
		}
		if (id < 0) {
			throw new IllegalStateException("The driver reported no generated key");
		}
		return id;
	}

	private String literalInsert(int i, Instant startedAt) {
		String before = (i == 1) ? "" : Workload.revisionId(i - 1);
		return "INSERT INTO `" + HISTORY_TABLE + "` (" + COLUMNS.replaceAll("(\\w+)", "`$1`") + ") VALUES ('"
				+ Workload.revisionId(i) + "', 'upgrade', '" + before + "', '" + before + "', 'Create t_" + i + "', '"
				+ script(i) + "', '" + CHECKSUM + "', '" + LITERAL_TIME.format(startedAt) + "', 0, '" + this.installedBy
				+ "', FALSE, '" + IN_PROGRESS + "', NULL, 0, NULL)";
	}

	private static String literalCompletion(long id, int i, long millis) {
		return "UPDATE `" + HISTORY_TABLE + "` SET `version_after` = '" + Workload.revisionId(i) + "', `execution_ms` = "
				+ millis + ", `success` = TRUE, `error` = NULL, `failed_statement` = NULL, `statements_done` = 1, "
				+ "`progress_checksum` = '" + CHECKSUM + "' WHERE `id` = " + id;
	}

	private static void moveVersion(PreparedStatement first, PreparedStatement update, int i) throws SQLException {
		if (i == 1) {
			first.setString(1, Workload.revisionId(1));
			first.executeUpdate();
			return;
		}
		update.setString(1, Workload.revisionId(i));
		update.setString(2, Workload.revisionId(i - 1));
		if (update.executeUpdate() != 1) {
			throw new IllegalStateException("Revision " + i + ": the version row did not match");
		}
	}

	private void bindSucceeded(PreparedStatement statement, int i, Instant startedAt, long millis)
			throws SQLException {
		statement.setString(1, Workload.revisionId(i));
		statement.setString(2, "upgrade");
		statement.setString(3, (i == 1) ? "" : Workload.revisionId(i - 1));
		statement.setString(4, Workload.revisionId(i));
		statement.setString(5, "Create t_" + i);
		statement.setString(6, script(i));
		statement.setString(7, CHECKSUM);
		statement.setTimestamp(8, Timestamp.from(startedAt), this.utc);
		statement.setLong(9, millis);
		statement.setString(10, this.installedBy);
		statement.setBoolean(11, true);
		statement.setNull(12, Types.VARCHAR);
		statement.setNull(13, Types.INTEGER);
		statement.setInt(14, 0);
		statement.setNull(15, Types.VARCHAR);
	}

	private String script(int i) {
		Path file = this.workload.migrateDirectory().resolve(Workload.revisionId(i) + "_create_t_" + i + ".sql");
		return file.toString();
	}

	private static String insertHistory(String quote, String executionMillis) {
		String columns = COLUMNS.replaceAll("(\\w+)", quote + "$1" + quote);
		return "INSERT INTO " + quote + HISTORY_TABLE + quote + " (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
				+ executionMillis + ", ?, ?, ?, ?, ?, ?)";
	}

	private static String versionColumns(String quote) {
		return quote + "version_num" + quote + " VARCHAR(32) NOT NULL, CONSTRAINT " + quote + VERSION_TABLE + "_pkc"
				+ quote + " PRIMARY KEY (" + quote + "version_num" + quote + ")";
	}

	private static String historyColumns(String quote, String id, String text, String timestamp, String bool) {
		return String.join(", ", q(quote, "id") + " " + id, q(quote, "revision") + " VARCHAR(255) NOT NULL",
				q(quote, "direction") + " VARCHAR(16) NOT NULL", q(quote, "version_before") + " " + text,
				q(quote, "version_after") + " " + text, q(quote, "message") + " " + text,
				q(quote, "script") + " " + text, q(quote, "checksum") + " VARCHAR(64)",
				q(quote, "started_at") + " " + timestamp + " NOT NULL", q(quote, "execution_ms") + " BIGINT NOT NULL",
				q(quote, "installed_by") + " VARCHAR(255) NOT NULL", q(quote, "success") + " " + bool + " NOT NULL",
				q(quote, "error") + " " + text, q(quote, "failed_statement") + " INTEGER",
				q(quote, "statements_done") + " INTEGER NOT NULL", q(quote, "progress_checksum") + " VARCHAR(64)");
	}

	private static String q(String quote, String name) {
		return quote + name + quote;
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
