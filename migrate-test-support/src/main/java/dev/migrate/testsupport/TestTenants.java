package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A fleet of tenants on one engine, for tests of migrating many tenants: a fresh main database and either one
 * schema per tenant in it (left to the code under test to create) or one database per tenant next to it,
 * reached through {@link #urlTemplate()}. Closing it drops every tenant's database and the main one.
 */
public final class TestTenants implements AutoCloseable {

	/**
	 * Where the tenants live.
	 */
	public enum Layout {

		/** One PostgreSQL database, a schema per tenant. */
		POSTGRESQL_SCHEMAS(Engine.POSTGRESQL, true),

		/** A PostgreSQL database per tenant, created before the test (PostgreSQL cannot create one on connect). */
		POSTGRESQL_DATABASES(Engine.POSTGRESQL, false),

		/** A MariaDB database per tenant, created on first connect ({@code createDatabaseIfNotExist}). */
		MARIADB_DATABASES(Engine.MARIADB, false),

		/** A SQLite file per tenant, created on first connect. */
		SQLITE_DATABASES(Engine.SQLITE, false),

		/** One in-memory H2 database, a schema per tenant. */
		H2_SCHEMAS(Engine.H2, true);

		private final Engine engine;

		private final boolean schemas;

		Layout(Engine engine, boolean schemas) {
			this.engine = engine;
			this.schemas = schemas;
		}

		/**
		 * @return the engine
		 */
		public Engine engine() {
			return this.engine;
		}

		/**
		 * @return whether each tenant is a schema of the main database (else a database of its own)
		 */
		public boolean schemas() {
			return this.schemas;
		}

	}

	private final Layout layout;

	private final TestDatabase main;

	private final List<String> names;

	private final String urlTemplate;

	private TestTenants(Layout layout, TestDatabase main, List<String> names) {
		this.layout = layout;
		this.main = main;
		this.names = names;
		this.urlTemplate = layout.schemas() ? null : template(layout, main);
	}

	/**
	 * Creates the main database and, for PostgreSQL databases, the tenants' databases.
	 * @param layout where the tenants live
	 * @param count how many tenants: {@code t00}, {@code t01}, ...
	 * @return the fleet, to close after the test
	 */
	public static TestTenants create(Layout layout, int count) {
		return create(layout, count, false);
	}

	/**
	 * Creates the main database and, for PostgreSQL databases, the tenants' databases.
	 * @param layout where the tenants live
	 * @param count how many tenants: {@code t00}, {@code t01}, ...
	 * @param shared whether other processes open the databases too (H2 is then a file in {@code AUTO_SERVER}
	 * mode instead of in memory)
	 * @return the fleet, to close after the test
	 */
	public static TestTenants create(Layout layout, int count, boolean shared) {
		List<String> names = IntStream.range(0, count).mapToObj((i) -> String.format("t%02d", i)).toList();
		TestDatabase main = shared ? TestDatabases.createShared(layout.engine()) : TestDatabases.create(layout.engine());
		TestTenants tenants = new TestTenants(layout, main, names);
		if (layout == Layout.POSTGRESQL_DATABASES) {
			// Four at a time: each copies the template database.
			inParallel(names, (name) -> tenants.main.execute("CREATE DATABASE " + tenants.databaseOf(name)));
		}
		return tenants;
	}

	/**
	 * @return the layout
	 */
	public Layout layout() {
		return this.layout;
	}

	/**
	 * @return the main database (in schema layouts, the one holding every tenant's schema)
	 */
	public TestDatabase main() {
		return this.main;
	}

	/**
	 * @return the tenants' names, {@code t00} first
	 */
	public List<String> names() {
		return this.names;
	}

	/**
	 * @return the JDBC URL with {@code {tenant}} where the tenant's name goes, or {@code null} in schema layouts
	 */
	public String urlTemplate() {
		return this.urlTemplate;
	}

	/**
	 * Runs a statement in the tenant's schema or database.
	 * @param tenant the tenant's name
	 * @param sql the statement
	 */
	public void execute(String tenant, String sql) {
		try (Connection connection = connect(tenant); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Failed on tenant " + tenant + ": " + sql, ex);
		}
	}

	/**
	 * @param tenant the tenant's name
	 * @param sql a query returning one number
	 * @return the number
	 */
	public long queryLong(String tenant, String sql) {
		try (Connection connection = connect(tenant);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Failed on tenant " + tenant + ": " + sql, ex);
		}
	}

	/**
	 * @param tenant the tenant's name
	 * @return a connection whose default schema or database is the tenant's
	 * @throws SQLException if the driver fails
	 */
	public Connection connect(String tenant) throws SQLException {
		if (this.layout.schemas()) {
			Connection connection = this.main.connect();
			connection.setSchema(tenant);
			return connection;
		}
		return DriverManager.getConnection(this.urlTemplate.replace("{tenant}", tenant), this.main.user(),
				this.main.password());
	}

	/**
	 * Drops the tenants' databases and the main database.
	 */
	@Override
	public void close() {
		try {
			switch (this.layout) {
				case POSTGRESQL_DATABASES -> inParallel(this.names,
						(name) -> this.main.execute("DROP DATABASE IF EXISTS " + databaseOf(name) + " WITH (FORCE)"));
				case MARIADB_DATABASES ->
					inParallel(this.names, (name) -> this.main.execute("DROP DATABASE IF EXISTS " + databaseOf(name)));
				default -> {
					// Schemas go with the main database; SQLite files with its directory.
				}
			}
		}
		finally {
			this.main.close();
		}
	}

	private static void inParallel(List<String> names, Consumer<String> action) {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = names.stream().<Future<?>>map((name) -> executor.submit(() -> action.accept(name))).toList();
			for (Future<?> future : done) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			executor.shutdown();
		}
	}

	private String databaseOf(String tenant) {
		return this.main.name() + "_" + tenant;
	}

	// The main database's URL with its name (the last time it occurs: a SQLite URL also holds it as a directory)
	// followed by _{tenant}.
	private static String template(Layout layout, TestDatabase main) {
		String url = main.url();
		int at = url.lastIndexOf(main.name());
		String template = url.substring(0, at) + main.name() + "_{tenant}" + url.substring(at + main.name().length());
		if (layout == Layout.MARIADB_DATABASES) {
			template += (template.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
		}
		return template;
	}

}
