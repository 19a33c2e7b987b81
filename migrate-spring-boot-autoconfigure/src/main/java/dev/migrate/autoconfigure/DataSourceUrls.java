package dev.migrate.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrate.core.JdbcUrls;
import org.jspecify.annotations.Nullable;

/**
 * Finds a DataSource's JDBC URL for log lines and masks any password in it with {@link JdbcUrls#mask(String)}.
 */
final class DataSourceUrls {

	// The getters of a URL property (HikariCP's jdbcUrl; url or URL on others), called directly: a BeanWrapper would
	// introspect the whole DataSource class through java.beans, which on a cold JVM costs tens of milliseconds of
	// every application's start.
	private static final String[] URL_GETTERS = { "getJdbcUrl", "getUrl", "getURL" };

	private DataSourceUrls() {
	}

	/**
	 * Describes a DataSource by its masked URL, read from a URL property when the DataSource has one, else
	 * from a connection's metadata.
	 * @param dataSource the DataSource
	 * @return the masked URL, or {@code "an unknown URL"}
	 */
	static String describe(DataSource dataSource) {
		String url = urlProperty(dataSource);
		if (url == null) {
			try (Connection connection = dataSource.getConnection()) {
				url = connection.getMetaData().getURL();
			}
			catch (SQLException | RuntimeException ex) {
				// The DataSource is described, not checked: the migration reports connection failures.
			}
		}
		return (url != null) ? JdbcUrls.mask(url) : "an unknown URL";
	}

	private static @Nullable String urlProperty(DataSource dataSource) {
		for (String getter : URL_GETTERS) {
			try {
				Method method = dataSource.getClass().getMethod(getter);
				if (method.getReturnType() == String.class && !Modifier.isStatic(method.getModifiers())
						&& method.invoke(dataSource) instanceof String url && !url.isBlank()) {
					return url;
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Not a usable property on this DataSource: try the next one.
			}
		}
		return null;
	}

}
