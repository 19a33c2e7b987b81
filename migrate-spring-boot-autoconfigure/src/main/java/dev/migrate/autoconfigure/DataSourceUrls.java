package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * Finds a DataSource's JDBC URL for log lines and masks any password in it.
 */
final class DataSourceUrls {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd)=)[^;&]*");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]+:)[^@/]*@");

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
		return (url != null) ? mask(url) : "an unknown URL";
	}

	/**
	 * Masks passwords in a JDBC URL: {@code password=...} parameters and {@code user:password@} user info.
	 * @param url the URL
	 * @return the URL with every password replaced by {@code ****}
	 */
	static String mask(String url) {
		String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
		return USER_INFO.matcher(masked).replaceAll("$1****@");
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
