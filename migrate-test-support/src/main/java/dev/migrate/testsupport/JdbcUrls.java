package dev.migrate.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites server JDBC URLs to point at another database, and masks passwords for logs.
 */
final class JdbcUrls {

	// jdbc:postgresql://host:port/db?params and jdbc:mariadb://host:port/db?params
	private static final Pattern HOST_PATH = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]+)(?:/([^?;]*))?(.*)$");

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

	private JdbcUrls() {
	}

	static String withDatabase(Engine engine, String url, String database) {
		if (engine == Engine.SQLSERVER) {
			return url.replaceAll("(?i);databaseName=[^;]*", "") + ";databaseName=" + database;
		}
		Matcher matcher = HOST_PATH.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Cannot place a database name in JDBC URL '" + mask(url)
					+ "'; expected jdbc:<driver>://host:port/database");
		}
		return matcher.group(1) + "/" + database + matcher.group(3);
	}

	static String mask(String url) {
		return PASSWORD.matcher(url).replaceAll("$1****");
	}

}
