package dev.migrate.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quoted literals of a statement from configuration, masked before the statement or the database's answer to
 * it is printed: an init SQL such as {@code SET app.api_key = 's3cret'} holds its secret in a literal, and
 * databases repeat the offending value in their error messages.
 */
public final class SqlLiterals {

	private SqlLiterals() {
	}

	/**
	 * @param sql the statement
	 * @param text text to print that mentions the statement or the database's answer to it
	 * @return the text with the content of each single- or double-quoted literal of the statement masked
	 */
	public static String mask(String sql, String text) {
		return Redactor.of(null, contents(sql)).redact(text);
	}

	/**
	 * @param sql a statement to print
	 * @return the statement with the content of each quoted literal masked
	 */
	public static String mask(String sql) {
		return mask(sql, sql);
	}

	/**
	 * Whether a named value (a placeholder) is a secret by its name, as Spring Boot's sanitizer judges keys:
	 * a name ending in {@code password}, {@code secret}, {@code key} or {@code token}, or holding
	 * {@code credentials}.
	 * @param name the name
	 * @return whether its value must not be printed
	 */
	public static boolean isSecretName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith("password") || lower.endsWith("secret") || lower.endsWith("key")
				|| lower.endsWith("token") || lower.contains("credentials");
	}

	// Single quotes are strings everywhere; double quotes are strings on MySQL and MariaDB by default, and an
	// identifier masked elsewhere costs only a little of the message.
	static List<String> contents(String sql) {
		List<String> contents = new ArrayList<>();
		int i = 0;
		while (i < sql.length()) {
			char quote = sql.charAt(i);
			if (quote != '\'' && quote != '"') {
				i++;
				continue;
			}
			StringBuilder content = new StringBuilder();
			int j = i + 1;
			while (j < sql.length()) {
				char c = sql.charAt(j);
				if (c == '\\' && j + 1 < sql.length()) {
					content.append(c).append(sql.charAt(j + 1));
					j += 2;
				}
				else if (c == quote && j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
					content.append(c).append(c);
					j += 2;
				}
				else if (c == quote) {
					break;
				}
				else {
					content.append(c);
					j++;
				}
			}
			if (!content.isEmpty()) {
				contents.add(content.toString());
			}
			i = j + 1;
		}
		// Longest first, so that a secret containing a shorter literal is masked whole.
		contents.sort((a, b) -> Integer.compare(b.length(), a.length()));
		return contents;
	}

}
