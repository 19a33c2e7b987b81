package dev.migrate.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * JDBC URL helpers: masking secrets for output, and the dialect a URL implies.
 */
final class JdbcUrls {

	/** Dialect names the facade accepts for offline SQL. */
	static final String DIALECTS = "postgresql, mysql, mariadb, sqlite, sqlserver, h2";

	// user:secret@ in jdbc:postgresql://user:secret@host/db or jdbc:mysql://user:secret@host/db.
	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;\\s]+:)[^@/\\s]*(@)");

	// password=..., pwd=..., sslpassword=..., secret/token parameters after ?, & or ; (SQL Server style).
	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)([?&;][a-z0-9_.-]*(?:password|pwd|secret|token)[a-z0-9_.-]*=)[^&;\\s]*");

	private JdbcUrls() {
	}

	/**
	 * Replaces passwords in a JDBC URL (or any text holding one) with {@code ***}.
	 * @param text the URL or text
	 * @return the masked text
	 */
	static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = USER_INFO.matcher(text).replaceAll("$1***$2");
		return SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
	}

	/**
	 * @param url a JDBC URL
	 * @return the dialect name the URL implies, or {@code null} when it implies none that migrate knows
	 */
	static String dialectOf(String url) {
		if (url == null) {
			return null;
		}
		String lower = url.toLowerCase(Locale.ROOT);
		String[][] prefixes = { { "jdbc:postgresql:", "postgresql" }, { "jdbc:mysql:", "mysql" },
				{ "jdbc:mariadb:", "mariadb" }, { "jdbc:sqlite:", "sqlite" }, { "jdbc:sqlserver:", "sqlserver" },
				{ "jdbc:h2:", "h2" } };
		for (String[] prefix : prefixes) {
			if (lower.startsWith(prefix[0])) {
				return prefix[1];
			}
		}
		return null;
	}

}
