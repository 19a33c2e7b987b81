package dev.migrate.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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

	/**
	 * The one property of {@link #timeoutProperties} that bounds reads after login too: who passes it lifts it
	 * with {@code Connection.setNetworkTimeout(executor, 0)} once the connection is open.
	 */
	public static final String SOCKET_TIMEOUT = Engine.SOCKET_TIMEOUT;

	// jdbc:<subprotocol>://user[:password]@ up to the host: the user info, before any '/', '?' or ';'.
	private static final Pattern AUTHORITY_USER_INFO = Pattern.compile("(?i)(jdbc:[a-z0-9:]+://)([^/?;@\\s]*)@");

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
	 * Splits {@code user[:password]@} user info off a JDBC URL, so that no driver sees it: drivers that do not
	 * support it read the password as a port or a host name, print it in their messages and send it to DNS.
	 * @param url a JDBC URL, or {@code null}
	 * @return the URL without user info, the user and the password it held (percent-decoded), or {@code null}
	 * when the URL holds no user info
	 */
	public static Credentials extractCredentials(String url) {
		if (url == null) {
			return null;
		}
		Matcher matcher = AUTHORITY_USER_INFO.matcher(url);
		if (!matcher.find() || matcher.start() != 0) {
			return null;
		}
		String userInfo = matcher.group(2);
		int colon = userInfo.indexOf(':');
		String user = decode((colon < 0) ? userInfo : userInfo.substring(0, colon));
		String password = (colon < 0) ? null : decode(userInfo.substring(colon + 1));
		return new Credentials(matcher.group(1) + url.substring(matcher.end()), user.isEmpty() ? null : user,
				password);
	}

	/**
	 * Combines the user and password set on their own with those a URL's user info holds, in the one way every
	 * edge does: the user info leaves the URL, and fills in what was not set on its own.
	 * @param url a JDBC URL, or {@code null}
	 * @param user the user set on its own, or {@code null}
	 * @param password the password set on its own, or {@code null}
	 * @return the URL without user info and the user and password to connect with; empty when the URL holds a
	 * user or password other than the one set on its own (the caller names its settings in the message)
	 */
	public static java.util.Optional<Credentials> combineCredentials(String url, String user, String password) {
		Credentials inUrl = extractCredentials(url);
		if (inUrl == null) {
			return java.util.Optional.of(new Credentials(url, user, password));
		}
		if ((inUrl.user() != null && user != null && !inUrl.user().equals(user))
				|| (inUrl.password() != null && password != null && !inUrl.password().equals(password))) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Credentials(inUrl.url(), (inUrl.user() != null) ? inUrl.user() : user,
				(inUrl.password() != null) ? inUrl.password() : password));
	}

	private static String decode(String text) {
		return (text.indexOf('%') < 0) ? text
				: URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/**
	 * What {@link #extractCredentials(String)} split off a URL.
	 *
	 * @param url the URL without user info
	 * @param user the user it held, or {@code null}
	 * @param password the password it held, or {@code null}
	 */
	public record Credentials(String url, String user, String password) {

		@Override
		public String toString() {
			return "Credentials[url=" + mask(this.url) + ", user=" + this.user + ", password="
					+ ((this.password != null) ? MASK : null) + "]";
		}

	}

	/**
	 * The driver properties that bound opening a connection through a URL to {@code timeout}
	 * ({@link Engine#connectTimeoutProperties(Duration)}), less those the URL already sets: the URL wins.
	 * @param url a JDBC URL
	 * @param timeout the bound; zero gives no properties (the driver's default)
	 * @return the properties to pass to the driver, unmodifiable; empty for a URL of no known engine
	 */
	public static Map<String, String> timeoutProperties(String url, Duration timeout) {
		Engine engine = Engine.fromUrl(url);
		if (engine == null) {
			return Map.of();
		}
		Map<String, String> properties = new LinkedHashMap<>(engine.connectTimeoutProperties(timeout));
		String lower = url.toLowerCase(Locale.ROOT);
		properties.keySet().removeIf((name) -> isSet(lower, name.toLowerCase(Locale.ROOT)));
		return Collections.unmodifiableMap(properties);
	}

	// Whether the lower-case URL sets the parameter: '?name=', '&name=' or ';name=' (a plain search: compiling a
	// pattern per name cost every boot's first connection a regex compilation).
	private static boolean isSet(String lowerUrl, String name) {
		String assignment = name + "=";
		for (int from = lowerUrl.indexOf(assignment); from >= 0; from = lowerUrl.indexOf(assignment, from + 1)) {
			char before = (from > 0) ? lowerUrl.charAt(from - 1) : ' ';
			if (before == '?' || before == '&' || before == ';') {
				return true;
			}
		}
		return false;
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
