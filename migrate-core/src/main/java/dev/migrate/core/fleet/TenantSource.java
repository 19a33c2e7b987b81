package dev.migrate.core.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.ConfigurationException;
import dev.migrate.core.DatabaseConnectionException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;

/**
 * Where the tenants' names come from: a list, a file (one name a line; blank lines and {@code #} comments
 * skipped) or a query on the main database whose first column is the name.
 */
public sealed interface TenantSource {

	/**
	 * @param names the names
	 * @return a source of exactly these names
	 */
	static TenantSource names(List<String> names) {
		return new Names(List.copyOf(names));
	}

	/**
	 * @param file a text file, one name a line
	 * @return a source reading the file when the fleet runs
	 */
	static TenantSource file(Path file) {
		return new File(file);
	}

	/**
	 * @param sql a query on the main database, such as {@code SELECT name FROM tenants WHERE active}
	 * @return a source running the query when the fleet runs
	 */
	static TenantSource query(String sql) {
		return new Query(sql);
	}

	/**
	 * Reads the names, each validated as a {@link Tenant}.
	 * @param main the main database's configuration (the query runs there)
	 * @return the tenants, in the source's order
	 * @throws ConfigurationException (setting {@code tenants}) naming the bad name and where it came from
	 */
	List<Tenant> load(MigrateConfig main);

	/**
	 * A fixed list.
	 * @param names the names
	 */
	record Names(List<String> names) implements TenantSource {

		@Override
		public List<Tenant> load(MigrateConfig main) {
			return this.names.stream().map((name) -> new Tenant(name.strip())).toList();
		}

	}

	/**
	 * A text file, one name a line.
	 * @param path the file
	 */
	record File(Path path) implements TenantSource {

		@Override
		public List<Tenant> load(MigrateConfig main) {
			List<String> lines;
			try {
				lines = Files.readAllLines(this.path, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new ConfigurationException("tenants",
						"Could not read the tenants file " + this.path + ": " + ex.getMessage());
			}
			List<Tenant> tenants = new ArrayList<>();
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				try {
					tenants.add(new Tenant(line));
				}
				catch (ConfigurationException ex) {
					throw new ConfigurationException("tenants", this.path + " line " + (i + 1) + ": " + ex.getMessage());
				}
			}
			return tenants;
		}

	}

	/**
	 * A query on the main database.
	 * @param sql the query; its first column is the name
	 */
	record Query(String sql) implements TenantSource {

		@Override
		public List<Tenant> load(MigrateConfig main) {
			List<Tenant> tenants = new ArrayList<>();
			try (Connection connection = open(main);
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(this.sql)) {
				while (result.next()) {
					String name = result.getString(1);
					try {
						tenants.add(new Tenant((name != null) ? name.strip() : null));
					}
					catch (ConfigurationException ex) {
						throw new ConfigurationException("tenants",
								"The tenants query returned a bad name: " + ex.getMessage());
					}
				}
			}
			catch (SQLException ex) {
				throw new ConfigurationException("tenants", "The tenants query '" + this.sql + "' failed on "
						+ describe(main) + ": " + JdbcUrls.mask(ex.getMessage()));
			}
			return tenants;
		}

		private static Connection open(MigrateConfig main) throws SQLException {
			if (main.dataSource() == null && main.url() == null) {
				throw new DatabaseConnectionException(
						"The tenants query needs the main database; set its url (or dataSource)", null);
			}
			return new ConnectionFactory(main).connect();
		}

		private static String describe(MigrateConfig main) {
			return (main.url() != null) ? JdbcUrls.mask(main.url()) : "the configured DataSource";
		}

	}

}
