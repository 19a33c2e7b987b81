package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MySQL: DDL commits on its own, back-quoted identifiers, and a schema is a database.
 */
class MySqlDialect extends AbstractDialect {

	// Compiled once: String.split compiles a regex of more than one character on every call, once per revision.
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	// mysqldump --databases output runs USE, and dumps set sql_mode: both would outlive the revision.
	@Override
	public final List<String> sessionRestore(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT DATABASE(), @@SESSION.sql_mode")) {
			result.next();
			String database = result.getString(1);
			String mode = result.getString(2);
			List<String> restore = new ArrayList<>();
			if (database != null) {
				restore.add("USE " + quote(database));
			}
			restore.add("SET SESSION sql_mode = '" + ((mode != null) ? mode.replace("'", "''") : "") + "'");
			return List.copyOf(restore);
		}
	}

	MySqlDialect() {
		this(Engine.MYSQL);
	}

	MySqlDialect(Engine engine) {
		super(engine);
	}

	@Override
	public final boolean transactionalDdl() {
		return false;
	}

	@Override
	public final String quote(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	@Override
	public final String beginTransaction() {
		return "START TRANSACTION";
	}

	@Override
	public final String createSchema(String schema) {
		return "CREATE DATABASE IF NOT EXISTS " + quote(schema);
	}

	@Override
	public final String defaultSchema(Connection connection) throws SQLException {
		return connection.getCatalog();
	}

	@Override
	public final String useSchema(Connection connection, String schema) throws SQLException {
		String previous = connection.getCatalog();
		connection.setCatalog(schema);
		return previous;
	}

	@Override
	public final void restoreSchema(Connection connection, String previous) throws SQLException {
		if (previous != null) {
			connection.setCatalog(previous);
		}
	}

	@Override
	public final boolean pipelinesLiteralBatches() {
		return true;
	}

	// information_schema by equality on both names: the server opens that one table's definition. The driver's
	// getTables matches the name with LIKE, for which the server lists every table of the database on each call.
	@Override
	public final boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		String database = (schema != null) ? schema : connection.getCatalog();
		String sql = "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
				+ ((database != null) ? "?" : "DATABASE()") + " AND TABLE_NAME = ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int index = 1;
			if (database != null) {
				statement.setString(index++, database);
			}
			statement.setString(index, table);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	/**
	 * The DDL the server commits the open transaction before (MySQL's "statements that cause an implicit commit",
	 * the same on MariaDB): {@code CREATE}, {@code ALTER}, {@code DROP}, {@code RENAME} and {@code TRUNCATE},
	 * except of a temporary table. Anything else, or a statement that starts with a comment, counts as not.
	 */
	@Override
	public final boolean commitsImplicitly(String statement) {
		String[] words = WHITESPACE.split(statement.strip(), 5);
		boolean ddl = switch (words[0].toUpperCase(Locale.ROOT)) {
			case "CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE" -> true;
			default -> false;
		};
		for (int i = 1; ddl && i < Math.min(words.length, 4); i++) {
			ddl = !words[i].equalsIgnoreCase("TEMPORARY");
		}
		return ddl;
	}

	// A MySQL schema is a catalog to the driver.
	@Override
	public final String lookupCatalog(Connection connection, String schema) throws SQLException {
		return (schema != null) ? schema : connection.getCatalog();
	}

	@Override
	public final String lookupSchema(Connection connection, String schema) {
		return null;
	}

	@Override
	protected final String identityPrimaryKey() {
		return "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
	}

	@Override
	protected final String timestampType() {
		return "DATETIME(3)";
	}

	@Override
	public String lockTimeoutStatement(Duration timeout) {
		// Metadata locks, which DDL waits for; whole seconds, at least one.
		return "SET SESSION lock_wait_timeout = " + Math.max(1, (timeout.toMillis() + 999) / 1000);
	}

	@Override
	public String lockTimeoutReset() {
		return "SET SESSION lock_wait_timeout = DEFAULT";
	}

	@Override
	public boolean isLockTimeout(SQLException failure) {
		return failure.getErrorCode() == 1205;
	}

}
