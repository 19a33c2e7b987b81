package dev.migrate.core.runtime;

import java.util.regex.Pattern;

/**
 * Masks secrets in JDBC URLs before they reach a log line or a message.
 */
final class JdbcUrls {

	// password=..., pwd=... and sslpassword=... in query strings and ;-separated properties
	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:ssl)?(?:password|pwd)=)[^&;]*");

	// jdbc:driver://user:secret@host
	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]*:)[^@/;?]*@");

	private JdbcUrls() {
	}

	static String mask(String url) {
		if (url == null) {
			return null;
		}
		String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
		return USER_INFO.matcher(masked).replaceAll("$1****@");
	}

}
