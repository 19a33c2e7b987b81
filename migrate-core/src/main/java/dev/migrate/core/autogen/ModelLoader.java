package dev.migrate.core.autogen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.dialect.Engine;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateException;
import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;
import dev.migrate.core.script.StatementSplitter;

/**
 * Loads the desired schema: applies the model DDL to a scratch database of the target's engine and reflects it
 * the same way as the target, so both sides compare like with like. The scratch database is in memory for
 * SQLite and H2; on PostgreSQL temporary tables in a transaction that is rolled back, and on MySQL/MariaDB a
 * temporary database that is dropped afterwards, on the target's server (or on the server of a dev URL). SQL
 * Server needs a dev URL naming an empty database.
 */
final class ModelLoader {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Engine engine;

	private final Set<String> excluded;

	private final DevDatabase dev;

	ModelLoader(Engine engine, Set<String> excludedTables, DevDatabase dev) {
		this.engine = engine;
		this.excluded = excludedTables;
		this.dev = dev;
	}

	SchemaModel load(Connection target, Path modelFile) {
		String ddl;
		try {
			ddl = Files.readString(modelFile, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot read the model file " + modelFile + ": " + ex.getMessage()
					+ "; pass an existing schema DDL file with --model (or migrate.model)", ex);
		}
		return load(target, ddl, modelFile.toString());
	}

	SchemaModel load(Connection target, String ddl, String source) {
		List<SqlStatement> statements = StatementSplitter.split(ddl, SqlSyntax.of(this.engine), 1);
		try {
			return switch (this.engine) {
				case SQLITE -> inMemory("jdbc:sqlite::memory:", statements, source);
				case H2 -> inMemory("jdbc:h2:mem:migrate_model_" + suffix() + h2Settings(target), statements,
						source);
				case POSTGRESQL, MYSQL, MARIADB -> onServer(target, statements, source);
				case SQLSERVER -> onDevDatabase(statements, source);
			};
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not load the model " + source + " into a scratch " + this.engine.id()
					+ " database: " + ex.getMessage(), ex);
		}
	}

	private SchemaModel inMemory(String url, List<SqlStatement> statements, String source) throws SQLException {
		try (Connection scratch = ConnectionFactory.forUrl(url, null, null, null).connect()) {
			apply(scratch, statements, source);
			return reader().read(scratch);
		}
	}

	private String h2Settings(Connection target) throws SQLException {
		StringBuilder settings = new StringBuilder();
		String url = target.getMetaData().getURL();
		for (String part : url.split(";")) {
			String key = part.contains("=") ? part.substring(0, part.indexOf('=')).trim().toUpperCase(Locale.ROOT) : "";
			if (Set.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER", "CASE_INSENSITIVE_IDENTIFIERS",
					"NON_KEYWORDS", "DEFAULT_NULL_ORDERING").contains(key)) {
				settings.append(';').append(part);
			}
		}
		return settings.toString();
	}

	private SchemaModel onServer(Connection target, List<SqlStatement> statements, String source) throws SQLException {
		if (this.dev != null) {
			try (Connection connection = this.dev.connect()) {
				return inTemporarySchema(connection, statements, source);
			}
		}
		return inTemporarySchema(target, statements, source);
	}

	private SchemaModel inTemporarySchema(Connection connection, List<SqlStatement> statements, String source)
			throws SQLException {
		if (this.engine == Engine.POSTGRESQL) {
			return loadRolledBack(connection, statements, source);
		}
		// MySQL/MariaDB: a scratch database beside the target's, dropped afterwards.
		String name = "migrate_model_" + suffix();
		String previous = single(connection, "SELECT DATABASE()");
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			try {
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new MigrateException("Could not create the scratch database " + name + " for the model " + source
						+ ": " + ex.getMessage() + "; grant the privilege, or name a dev database with --dev-url", ex);
			}
			try {
				statement.execute("USE " + name);
				apply(connection, statements, source);
				return reader().read(connection);
			}
			finally {
				statement.execute("DROP DATABASE IF EXISTS " + name);
				if (previous != null) {
					statement.execute("USE `" + previous.replace("`", "``") + "`");
				}
			}
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * PostgreSQL's DDL is transactional: apply the model and reflect it in one transaction, then roll it back,
	 * so nothing is left behind and nothing waits for a commit per statement. With {@code pg_temp} first in the
	 * search path the model's tables are temporary tables (no WAL for their storage, about twice as fast) in the
	 * session's own schema, which nothing else sees.
	 */
	private SchemaModel loadRolledBack(Connection connection, List<SqlStatement> statements, String source)
			throws SQLException {
		try {
			// one round trip for the whole model: on a busy server, waiting per statement dominates
			String all = String.join(";\n", statements.stream().map(SqlStatement::sql).toList());
			return inRolledBackSchema(connection, List.of(new SqlStatement(all, 1)), source);
		}
		catch (MigrateException ex) {
			// run again statement by statement, so the error names the statement that fails
			return inRolledBackSchema(connection, statements, source);
		}
	}

	private SchemaModel inRolledBackSchema(Connection connection, List<SqlStatement> statements,
			String source) throws SQLException {
		String previous = single(connection, "SHOW search_path");
		boolean autoCommit = connection.getAutoCommit();
		if (!autoCommit) {
			connection.commit();
		}
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCAL search_path TO pg_temp"
					+ ((previous != null && !previous.isBlank()) ? ", " + previous : ""));
			apply(connection, statements, source);
			return reader().read(connection);
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
	}

	private SchemaModel onDevDatabase(List<SqlStatement> statements, String source) throws SQLException {
		if (this.dev == null) {
			throw new MigrateException("Loading the model " + source + " on " + this.engine.id()
					+ " needs an empty scratch database; name one with --dev-url (or migrate.dev-url)");
		}
		try (Connection connection = this.dev.connect()) {
			SchemaReader reader = reader();
			if (!reader.read(connection).tables().isEmpty()) {
				throw new MigrateException("The dev database " + this.dev.maskedUrl()
						+ " is not empty; autogenerate needs an empty database it may fill and clear");
			}
			apply(connection, statements, source);
			SchemaModel model = reader.read(connection);
			try (Statement statement = connection.createStatement()) {
				for (dev.migrate.core.ops.Table table : model.tables()) {
					for (dev.migrate.core.ops.ForeignKey fk : table.foreignKeys()) {
						statement.execute("ALTER TABLE [" + table.name() + "] DROP CONSTRAINT [" + fk.name() + "]");
					}
				}
				for (dev.migrate.core.ops.Table table : model.tables()) {
					statement.execute("DROP TABLE [" + table.name() + "]");
				}
			}
			return model;
		}
	}

	private SchemaReader reader() {
		return new SchemaReader(this.engine, this.excluded);
	}

	private static void apply(Connection connection, List<SqlStatement> statements, String source)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (SqlStatement sql : statements) {
				try {
					statement.execute(sql.sql());
				}
				catch (SQLException ex) {
					throw new MigrateException("The model " + source + " failed at line " + sql.line() + " ("
							+ abbreviate(sql.sql()) + "): " + firstLine(ex.getMessage()) + "; fix the model file", ex);
				}
			}
		}
	}

	private static String firstLine(String message) {
		int end = (message != null) ? message.indexOf('\n') : -1;
		return (end < 0) ? message : message.substring(0, end).trim();
	}

	private static String abbreviate(String sql) {
		String line = sql.replaceAll("\\s+", " ");
		return (line.length() > 80) ? line.substring(0, 77) + "..." : line;
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static String suffix() {
		byte[] bytes = new byte[5];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * A database the user names for scratch work ({@code --dev-url}).
	 *
	 * @param url the JDBC URL
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 */
	record DevDatabase(String url, String user, String password) {

		Connection connect() throws SQLException {
			return ConnectionFactory.forUrl(this.url, this.user, this.password, null).connect();
		}

		String maskedUrl() {
			return JdbcUrls.mask(this.url);
		}

		@Override
		public String toString() {
			return "DevDatabase[" + maskedUrl() + "]";
		}

	}

}
