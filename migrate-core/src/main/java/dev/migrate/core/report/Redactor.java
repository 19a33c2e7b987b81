package dev.migrate.core.report;

import java.util.List;

import dev.migrate.core.JdbcUrls;

/**
 * Removes secrets from text before it is printed: the configured password, and passwords inside JDBC URLs.
 */
public final class Redactor {

	// Shorter passwords are not replaced inside messages: "ab" would garble every word with those letters.
	private static final int MIN_REPLACED_LENGTH = 3;

	private final String url;

	private final List<String> passwords;

	/**
	 * @param url the configured JDBC URL, or {@code null}
	 * @param password the configured password, or {@code null}
	 */
	public Redactor(String url, String password) {
		this(url, (password != null) ? List.of(password) : List.of());
	}

	private Redactor(String url, List<String> passwords) {
		this.url = url;
		this.passwords = passwords;
	}

	/**
	 * @param url a JDBC URL whose secrets to mask, or {@code null}
	 * @param secrets values to replace wherever they appear (passwords, tokens)
	 * @return the redactor
	 */
	public static Redactor of(String url, List<String> secrets) {
		return new Redactor(url, List.copyOf(secrets));
	}

	/**
	 * @return a redactor that only masks URL-shaped secrets
	 */
	public static Redactor none() {
		return new Redactor(null, List.of());
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
		for (String password : this.passwords) {
			redacted = replace(redacted, password);
		}
		JdbcUrls.Credentials inUrl = JdbcUrls.extractCredentials(this.url);
		if (inUrl != null) {
			redacted = replace(redacted, inUrl.password());
		}
		return JdbcUrls.mask(redacted);
	}

	private static String replace(String text, String secret) {
		return (secret != null && secret.length() >= MIN_REPLACED_LENGTH) ? text.replace(secret, JdbcUrls.MASK) : text;
	}

}
