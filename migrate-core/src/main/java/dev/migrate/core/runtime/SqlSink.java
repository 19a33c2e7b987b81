package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.dialect.Dialect;

/**
 * Where the runner's SQL goes: a live connection, or text for offline SQL (Alembic's {@code as_sql}). The
 * runner calls the same methods either way, so offline SQL is what an online run would execute.
 */
interface SqlSink {

	/**
	 * Executes (or writes) one statement.
	 * @param sql the statement, without terminator
	 * @return the update count, or {@code -1} when unknown (offline, or a query)
	 * @throws SQLException if the database rejects it
	 */
	int execute(String sql) throws SQLException;

	/**
	 * Runs (or writes) a PostgreSQL {@code COPY ... FROM stdin} with its data.
	 * @param sql the {@code COPY} statement
	 * @param data the data lines, each ending with a line feed
	 * @return the number of rows copied, or {@code -1} offline
	 * @throws SQLException if the database rejects it
	 */
	int copy(String sql, String data) throws SQLException;

	/**
	 * Starts a transaction (online: turns auto-commit off, unless it already is).
	 * @throws SQLException if the driver fails
	 */
	void begin() throws SQLException;

	/**
	 * Commits the transaction {@link #begin()} started. Online the connection stays in manual-commit mode, so the
	 * next {@link #begin()} costs no round trip; whoever ends the run turns auto-commit back on.
	 * @throws SQLException if the driver fails
	 */
	void commit() throws SQLException;

	/**
	 * Rolls back an open transaction and returns to auto-commit; a failure is logged, not thrown, since the caller
	 * is already reporting one. Offline there is nothing to roll back.
	 */
	void rollback();

	/**
	 * Writes a comment line offline; does nothing online.
	 * @param text the comment
	 */
	void comment(String text);

	/**
	 * @return whether statements reach a database
	 */
	boolean online();

	/**
	 * Runs statements on a connection. {@link #begin()} turns auto-commit off, {@link #commit()} commits (when a
	 * transaction is open) and {@link #rollback()} turns auto-commit back on.
	 */
	final class Jdbc implements SqlSink {

		private static final Logger logger = LoggerFactory.getLogger(SqlSink.class);

		private final Connection connection;

		Jdbc(Connection connection) {
			this.connection = connection;
		}

		/**
		 * @return the connection the statements run on
		 */
		Connection connection() {
			return this.connection;
		}

		@Override
		public int execute(String sql) throws SQLException {
			try (Statement statement = this.connection.createStatement()) {
				boolean resultSet = statement.execute(sql);
				return resultSet ? -1 : statement.getUpdateCount();
			}
		}

		@Override
		public int copy(String sql, String data) throws SQLException {
			// Through the PostgreSQL driver's CopyManager, by reflection: core does not depend on any driver.
			try {
				Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", false,
						this.connection.getClass().getClassLoader());
				Object pg = this.connection.unwrap(pgConnection);
				Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(pg);
				Object rows = copyApi.getClass()
					.getMethod("copyIn", String.class, java.io.Reader.class)
					.invoke(copyApi, sql, new java.io.StringReader(data));
				return (int) Math.min(Integer.MAX_VALUE, ((Number) rows).longValue());
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				if (ex.getCause() instanceof SQLException sqlException) {
					throw sqlException;
				}
				throw new SQLException("COPY failed: " + ex.getCause(), ex.getCause());
			}
			catch (ReflectiveOperationException ex) {
				throw new SQLException("COPY ... FROM stdin needs the PostgreSQL JDBC driver's copy API: " + ex, ex);
			}
		}

		@Override
		public void begin() throws SQLException {
			if (this.connection.getAutoCommit()) {
				this.connection.setAutoCommit(false);
			}
		}

		@Override
		public void commit() throws SQLException {
			if (!this.connection.getAutoCommit()) {
				this.connection.commit();
			}
		}

		@Override
		public void rollback() {
			try {
				if (!this.connection.getAutoCommit()) {
					this.connection.rollback();
					this.connection.setAutoCommit(true);
				}
			}
			catch (SQLException ex) {
				logger.warn("Rollback failed: {}", ex.getMessage());
			}
		}

		@Override
		public void comment(String text) {
		}

		@Override
		public boolean online() {
			return true;
		}

	}

	/**
	 * Writes statements as a script: each followed by the dialect's terminator and, for SQL Server, a
	 * {@code GO} line.
	 */
	final class Text implements SqlSink {

		private final Dialect dialect;

		private final StringBuilder out = new StringBuilder();

		Text(Dialect dialect) {
			this.dialect = dialect;
		}

		@Override
		public int execute(String sql) {
			String statement = sql.strip();
			this.out.append(statement);
			if (!statement.endsWith(this.dialect.statementTerminator())) {
				this.out.append(this.dialect.statementTerminator());
			}
			this.out.append("\n\n");
			if (this.dialect.batchSeparator() != null) {
				this.out.append(this.dialect.batchSeparator()).append("\n\n");
			}
			return -1;
		}

		@Override
		public int copy(String sql, String data) {
			this.out.append(sql.strip()).append(this.dialect.statementTerminator()).append('\n').append(data);
			this.out.append("\\.\n\n");
			return -1;
		}

		@Override
		public void begin() {
			execute(this.dialect.beginTransaction());
		}

		@Override
		public void commit() {
			execute(this.dialect.commitTransaction());
		}

		@Override
		public void rollback() {
		}

		@Override
		public void comment(String text) {
			this.out.append("-- ").append(text).append("\n\n");
		}

		@Override
		public boolean online() {
			return false;
		}

		String text() {
			return this.out.toString();
		}

	}

}
