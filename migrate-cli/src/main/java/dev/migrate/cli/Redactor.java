package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.JdbcUrls;

/**
 * Removes secrets from text before it is printed: the configured password, and passwords inside JDBC URLs.
 */
final class Redactor {

	// Shorter passwords are not replaced inside messages: "ab" would garble every word with those letters.
	private static final int MIN_REPLACED_LENGTH = 3;

	// Option names (letters only, lower case) that hold a secret, spelt right or not: --pasword, --passwrd, --pw.
	private static final List<String> SECRET_OPTION_PARTS = List.of("pas", "pw", "secret", "token", "cred");

	private final String url;

	private final List<String> passwords;

	/**
	 * @param url the configured JDBC URL, or {@code null}
	 * @param password the configured password, or {@code null}
	 */
	Redactor(String url, String password) {
		this(url, (password != null) ? List.of(password) : List.of());
	}

	private Redactor(String url, List<String> passwords) {
		this.url = url;
		this.passwords = passwords;
	}

	/**
	 * A redactor for a command line that did not parse: the value of every option whose name looks like a
	 * password option ({@code --pasword s3cret}, {@code --passwrd=s3cret}) is a secret, since picocli echoes
	 * unknown options and their values.
	 * @param args the command line
	 * @return the redactor
	 */
	static Redactor forArguments(String[] args) {
		List<String> secrets = new ArrayList<>();
		String url = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("-")) {
				continue;
			}
			int equals = arg.indexOf('=');
			String name = ((equals < 0) ? arg : arg.substring(0, equals)).toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z]", "");
			String value = (equals >= 0) ? arg.substring(equals + 1)
					: (i + 1 < args.length && !args[i + 1].startsWith("-")) ? args[i + 1] : null;
			if (value == null) {
				continue;
			}
			if (name.equals("url")) {
				url = value;
			}
			else if (SECRET_OPTION_PARTS.stream().anyMatch(name::contains)) {
				secrets.add(value);
			}
		}
		return new Redactor(url, List.copyOf(secrets));
	}

	/**
	 * @return a redactor that only masks URL-shaped secrets
	 */
	static Redactor none() {
		return new Redactor(null, List.of());
	}

	/**
	 * @param text text that may hold secrets, or {@code null}
	 * @return the text with secrets replaced by {@value JdbcUrls#MASK}
	 */
	String redact(String text) {
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
