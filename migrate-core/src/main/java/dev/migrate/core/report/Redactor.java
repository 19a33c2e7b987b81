package dev.migrate.core.report;

import dev.migrate.core.JdbcUrls;

/**
 * Removes secrets from text before it is printed: the configured password, and passwords inside JDBC URLs.
 */
public final class Redactor {

	// Shorter passwords are not replaced inside messages: "ab" would garble every word with those letters.
	private static final int MIN_REPLACED_LENGTH = 3;

	private final String url;

	private final String password;

	/**
	 * @param url the configured JDBC URL, or {@code null}
	 * @param password the configured password, or {@code null}
	 */
	public Redactor(String url, String password) {
		this.url = url;
		this.password = password;
	}

	/**
	 * @return a redactor that only masks URL-shaped secrets
	 */
	public static Redactor none() {
		return new Redactor(null, null);
	}

	/**
	 * @param text text that may hold secrets, or {@code null}
	 * @return the text with secrets replaced by {@value JdbcUrls#MASK}
	 */
	public String redact(String text) {
		if (text == null) {
			return null;
		}
		String redacted = text;
		if (this.url != null && !this.url.isEmpty()) {
			redacted = redacted.replace(this.url, JdbcUrls.mask(this.url));
		}
		if (this.password != null && this.password.length() >= MIN_REPLACED_LENGTH) {
			redacted = redacted.replace(this.password, JdbcUrls.MASK);
		}
		return JdbcUrls.mask(redacted);
	}

}
