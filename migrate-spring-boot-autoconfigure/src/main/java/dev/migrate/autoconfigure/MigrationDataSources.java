package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrate.core.JdbcUrls;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * The one place that chooses the DataSource a migrate engine migrates, for the default engine and for each
 * {@code migrate.instances.<name>} alike: a {@link MigrateDataSource @MigrateDataSource} bean, else a DataSource
 * built from the connection details' URL, else the application's DataSource (with the engine's own user where
 * one is set); else it fails naming the properties to set.
 */
final class MigrationDataSources {

	private MigrationDataSources() {
	}

	/**
	 * @param prefix the engine's property prefix, {@code migrate} or {@code migrate.instances.<name>}
	 * @param qualified the {@code @MigrateDataSource} bean, or {@code null}
	 * @param details the engine's URL, user, password and driver
	 * @param connectTimeout the bound on opening a connection through the URL
	 * @param application the application's DataSource, or {@code null} when there is none to use
	 * @return the DataSource to migrate
	 */
	static DataSource choose(String prefix, @Nullable DataSource qualified, MigrateConnectionDetails details,
			Duration connectTimeout, Supplier<@Nullable DataSource> application) {
		if (qualified != null) {
			return qualified;
		}
		String url = details.getJdbcUrl();
		if (url != null) {
			return fromUrl(prefix, url, details, connectTimeout);
		}
		DataSource dataSource = application.get();
		if (dataSource == null) {
			throw new IllegalStateException("Migrate migration DataSource missing: there is no unique DataSource"
					+ " bean; mark one @Primary or @MigrateDataSource, or set " + prefix + ".url");
		}
		if (details.getUsername() != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class);
			applyConnectionDetails(details, builder);
			return builder.build();
		}
		return dataSource;
	}

	private static DataSource fromUrl(String prefix, String url, MigrateConnectionDetails details,
			Duration connectTimeout) {
		// user:password@ leaves the URL before the driver sees it: most drivers would print the password in a
		// message, or send it to DNS as part of a host name.
		JdbcUrls.Credentials credentials = JdbcUrls
			.combineCredentials(url, details.getUsername(), details.getPassword())
			.orElseThrow(() -> new IllegalStateException(prefix + ".url " + JdbcUrls.mask(url) + " holds a user"
					+ " and password that differ from " + prefix + ".user and " + prefix + ".password; set them in"
					+ " one place"));
		DataSourceBuilder<?> builder = DataSourceBuilder.create().type(SimpleDriverDataSource.class);
		applyConnectionDetails(details, builder);
		builder.url(credentials.url());
		builder.username(credentials.user());
		builder.password(credentials.password());
		SimpleDriverDataSource built = (SimpleDriverDataSource) builder.build();
		built.setConnectionProperties(timeoutProperties(url, connectTimeout));
		return built;
	}

	/**
	 * The driver's connect and login bounds from {@code connect-timeout}. The socket timeout some drivers need for
	 * the login is left out: nothing lifts it from a DataSource's connections afterwards, and a long migration
	 * statement must not hit it.
	 */
	private static Properties timeoutProperties(String url, Duration connectTimeout) {
		Properties properties = new Properties();
		properties.putAll(JdbcUrls.timeoutProperties(url, connectTimeout));
		properties.remove(JdbcUrls.SOCKET_TIMEOUT);
		return properties;
	}

	private static void applyConnectionDetails(MigrateConnectionDetails details, DataSourceBuilder<?> builder) {
		builder.username(details.getUsername());
		builder.password(details.getPassword());
		String driverClassName = details.getDriverClassName();
		if (StringUtils.hasText(driverClassName)) {
			builder.driverClassName(driverClassName);
		}
	}

}
