package dev.migrate.testsupport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * A fresh, empty, uniquely named database that is dropped on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

	private final Server server;

	private final String name;

	private final String url;

	private final Path directory;

	TestDatabase(Server server, String name, String url, Path directory) {
		this.server = server;
		this.name = name;
		this.url = url;
		this.directory = directory;
	}

	/**
	 * @return the engine
	 */
	public Engine engine() {
		return this.server.engine();
	}

	/**
	 * @return the database's unique name ({@code mt_} and ten hex digits)
	 */
	public String name() {
		return this.name;
	}

	/**
	 * @return a JDBC URL that connects to this database
	 */
	public String url() {
		return this.url;
	}

	/**
	 * @return the user name
	 */
	public String user() {
		return this.server.user();
	}

	/**
	 * @return the password (empty for the local servers)
	 */
	public String password() {
		return this.server.password();
	}

	/**
	 * Opens a new connection to this database; the caller closes it.
	 * @return a new connection
	 * @throws SQLException if the driver fails
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, user(), password());
	}

	/**
	 * A non-pooling DataSource that opens a new connection per call.
	 * @return the DataSource
	 */
	public DataSource dataSource() {
		return new SimpleDataSource();
	}

	/**
	 * Runs one statement on a new connection, for test set-up.
	 * @param sql the statement
	 */
	public void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Failed on " + this + ": " + sql, ex);
		}
	}

	/**
	 * Drops the database (or deletes its files).
	 */
	@Override
	public void close() {
		try {
			switch (engine()) {
				case SQLITE -> deleteDirectory();
				case H2 -> {
					execute("SHUTDOWN");
					if (this.directory != null) {
						deleteDirectory();
					}
				}
				case POSTGRESQL -> admin("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
				case SQLSERVER -> admin("IF DB_ID('" + this.name + "') IS NOT NULL BEGIN ALTER DATABASE " + this.name
						+ " SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE " + this.name + " END");
				default -> admin("DROP DATABASE IF EXISTS " + this.name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop test database " + this, ex);
		}
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = this.server.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private void deleteDirectory() {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return engine().displayName() + " database " + this.name + " (" + JdbcUrls.mask(this.url) + ")";
	}

	private final class SimpleDataSource implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			return connect();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return DriverManager.getConnection(TestDatabase.this.url, username, password);
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("Not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

		@Override
		public String toString() {
			return TestDatabase.this.toString();
		}

	}

}
