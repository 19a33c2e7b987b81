package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrate.core.JdbcUrls;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * Finds a DataSource's JDBC URL for log lines and masks any password in it with {@link JdbcUrls#mask(String)}.
 */
final class DataSourceUrls {

	private static final String[] URL_PROPERTIES = { "jdbcUrl", "url", "URL" };

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
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
		for (String property : URL_PROPERTIES) {
			try {
				if (wrapper.isReadableProperty(property)
						&& wrapper.getPropertyValue(property) instanceof String url && !url.isBlank()) {
					return url;
				}
			}
			catch (RuntimeException ex) {
				// Not a usable property on this DataSource: try the next one.
			}
		}
		return null;
	}

}
