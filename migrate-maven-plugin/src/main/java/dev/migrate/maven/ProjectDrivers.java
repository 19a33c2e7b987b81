package dev.migrate.maven;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The project's JDBC drivers, registered with {@link DriverManager} for the length of a goal. DriverManager hands
 * a caller only the drivers its own class loader can load, and the plugin's loader does not see the project's
 * dependencies, so code that asks DriverManager for a URL (autogenerate's scratch databases) would find no driver.
 * Each project driver is registered behind a {@link Shim}, a class of the plugin's own loader, and deregistered
 * when the goal ends.
 */
final class ProjectDrivers implements AutoCloseable {

	private final List<Shim> registered = new ArrayList<>();

	private ProjectDrivers() {
	}

	/**
	 * @param projectLoader the project's runtime classpath
	 * @return the registrations, to close when the goal ends
	 */
	static ProjectDrivers register(ClassLoader projectLoader) {
		ProjectDrivers drivers = new ProjectDrivers();
		ClassLoader pluginLoader = ProjectDrivers.class.getClassLoader();
		try {
			for (Driver driver : ServiceLoader.load(Driver.class, projectLoader)) {
				if (driver.getClass().getClassLoader() != pluginLoader && !visible(driver, pluginLoader)) {
					Shim shim = new Shim(driver);
					DriverManager.registerDriver(shim);
					drivers.registered.add(shim);
				}
			}
		}
		catch (SQLException | ServiceConfigurationError ex) {
			// a driver that cannot be loaded is not the goal's problem until a URL needs it
		}
		return drivers;
	}

	private static boolean visible(Driver driver, ClassLoader loader) {
		try {
			return Class.forName(driver.getClass().getName(), false, loader) == driver.getClass();
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		for (Shim shim : this.registered) {
			try {
				DriverManager.deregisterDriver(shim);
			}
			catch (SQLException ex) {
				// the registration ends with the build's JVM anyway
			}
		}
	}

	/**
	 * A project driver behind a class of the plugin's loader.
	 */
	private static final class Shim implements Driver {

		private final Driver driver;

		Shim(Driver driver) {
			this.driver = driver;
		}

		@Override
		public Connection connect(String url, Properties info) throws SQLException {
			return this.driver.connect(url, info);
		}

		@Override
		public boolean acceptsURL(String url) throws SQLException {
			return this.driver.acceptsURL(url);
		}

		@Override
		public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
			return this.driver.getPropertyInfo(url, info);
		}

		@Override
		public int getMajorVersion() {
			return this.driver.getMajorVersion();
		}

		@Override
		public int getMinorVersion() {
			return this.driver.getMinorVersion();
		}

		@Override
		public boolean jdbcCompliant() {
			return this.driver.jdbcCompliant();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.driver.getParentLogger();
		}

	}

}
