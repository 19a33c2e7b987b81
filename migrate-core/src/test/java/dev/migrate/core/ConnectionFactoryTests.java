package dev.migrate.core;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one connection opener, on real databases: from a configuration's URL and credentials, from a DataSource, from
 * a URL alone (scratch and development databases), with the driver found through the configured class loader.
 */
class ConnectionFactoryTests {

	@TempDir
	Path directory;

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE, Engine.H2 })
	void opensTheConfiguredUrlWithItsUserAndPassword(TestDatabase db) throws SQLException {
		ConnectionFactory connections = new ConnectionFactory(
				MigrateConfig.builder().url(db.url()).user(db.user()).password(db.password()).build());
		try (Connection connection = connections.open()) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
		try (Connection connection = connections.connect()) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
		assertThat(connections.isConfigured()).isTrue();
	}

	@EachEngine({ Engine.POSTGRESQL })
	void takesTheUserFromTheUrlsUserInfoAndKeepsItOutOfTheUrl(TestDatabase db) throws SQLException {
		String url = db.url().replace("jdbc:postgresql://", "jdbc:postgresql://" + db.user() + ":s3cret@");
		ConnectionFactory connections = ConnectionFactory.forUrl(url, null, null, null);
		try (Connection connection = connections.connect()) {
			assertThat(connection.getMetaData().getUserName()).isEqualTo(db.user());
			assertThat(connection.getMetaData().getURL()).doesNotContain("s3cret");
		}
		assertThat(connections.describe()).doesNotContain("s3cret");
	}

	@Test
	void refusesAUrlWhoseUserDiffersFromTheUserSetOnItsOwn() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ConnectionFactory.forUrl("jdbc:postgresql://alice:pw@127.0.0.1:5432/test", "bob", null,
					null))
			.withMessageContaining("jdbc:postgresql://alice:***@127.0.0.1:5432/test")
			.withMessageNotContaining("pw@");
	}

	@EachEngine({ Engine.H2 })
	void opensTheConfiguredDataSource(TestDatabase db) throws SQLException {
		ConnectionFactory connections = new ConnectionFactory(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.build());
		try (Connection connection = connections.connect()) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
		assertThat(connections.describe()).isEqualTo("the configured DataSource");
	}

	@Test
	void findsTheDriverThroughTheConfiguredClassLoader() throws Exception {
		String url = "jdbc:sqlite:" + this.directory.resolve("loader.db");
		try (URLClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
			ConnectionFactory connections = new ConnectionFactory(
					MigrateConfig.builder().url(url).classLoader(loader).build());
			try (Connection connection = connections.connect()) {
				assertThat(selectOne(connection)).isEqualTo(1);
			}
		}
	}

	@Test
	void opensAnInMemoryScratchDatabaseByUrlAlone() throws SQLException {
		try (Connection connection = ConnectionFactory.forUrl("jdbc:h2:mem:", null, null, null).connect()) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
	}

	@Test
	void withoutADatabaseSaysWhatToSet() {
		ConnectionFactory connections = new ConnectionFactory(MigrateConfig.builder().build());
		assertThat(connections.isConfigured()).isFalse();
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(connections::open)
			.withMessageContaining("No database is configured");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(connections::connect)
			.withMessageContaining("No database is configured");
	}

	private static int selectOne(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT 1")) {
			result.next();
			return result.getInt(1);
		}
	}

}
