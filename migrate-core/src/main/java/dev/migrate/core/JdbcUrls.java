package dev.migrate.core;

import java.util.regex.Pattern;

import dev.migrate.core.dialect.Engine;

/**
 * What a JDBC URL may show and what it implies: {@link #mask(String)} hides the secrets in a URL (or in any text
 * holding one) before it reaches a log line or a message, and {@link #dialectOf(String)} names the dialect a URL
 * implies. The CLI, the Spring Boot auto-configuration and the runtime all mask through this one class, so a URL
 * is masked the same way wherever it is printed.
 */
public final class JdbcUrls {

	/** What every secret is replaced by. */
	public static final String MASK = "***";

	// user:secret@ in jdbc:postgresql://user:secret@host/db, jdbc:mysql://:secret@host/db and alike.
	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;\\s]*:)[^@/\\s]*(@)");

	// password=, pwd=, passwd=, sslpassword=, ...secret...= and ...token...= parameters, whether they follow ?, &,
	// ; (SQL Server and H2 style), : or nothing at all; a SQL Server value may be braced: password={a;b}.
	private static final Pattern SECRET_PARAMETER = Pattern.compile(
			"(?i)((?<![a-z0-9_.-])[a-z0-9_.-]*(?:password|passwd|pwd|secret|token)[a-z0-9_.-]*=)(?:\\{[^}]*\\}|[^&;\\s]*)");

	private JdbcUrls() {
	}

	/**
	 * Replaces every secret in a JDBC URL, or in text holding one (such as a driver's error message), with
	 * {@value #MASK}: the password of {@code user:password@} user info, and the value of every parameter whose name
	 * holds {@code password}, {@code passwd}, {@code pwd}, {@code secret} or {@code token} (in {@code ?}, {@code &}
	 * and {@code ;} forms, ignoring case). Everything else is kept as it is.
	 * @param text the URL or text, or {@code null}
	 * @return the masked text, or {@code null} when {@code text} is {@code null}
	 */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = USER_INFO.matcher(text).replaceAll("$1" + MASK + "$2");
		return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
	}

	/**
	 * Names the dialect a JDBC URL implies, from its prefix (ignoring case).
	 * @param url a JDBC URL, or {@code null}
	 * @return {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code sqlserver} or {@code h2} (the
	 * names {@link Migrator#upgradeSql(String, String)} accepts), or {@code null} when the URL implies none of them
	 */
	public static String dialectOf(String url) {
		Engine engine = Engine.fromUrl(url);
		return (engine != null) ? engine.id() : null;
	}

}
