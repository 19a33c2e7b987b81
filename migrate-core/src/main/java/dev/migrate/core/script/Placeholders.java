package dev.migrate.core.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.migrate.core.AdvisedSetting;

/**
 * Replaces {@code ${name}} placeholders in a SQL statement with their values, as statements are planned (online and
 * in offline SQL alike). Checksums are taken over the file before replacement, so a changed value never fails
 * validation.
 *
 * <p>Names are the configured ones (letters, digits, {@code _ . -}) and the built-in ones:
 * <ul>
 * <li>{@code ${migrate:schema}}: the schema of the version table (the configured schema, else the connection's
 * default one);</li>
 * <li>{@code ${migrate:user}}: the database user of the connection;</li>
 * <li>{@code ${migrate:engine}}: the dialect's name, such as {@code postgresql};</li>
 * <li>{@code ${migrate:revision}}: the id of the revision whose statement it is.</li>
 * </ul>
 * {@code \${} stands for a literal {@code ${} (as in Spring's own placeholders). An unknown name, or a {@code ${}
 * that is not closed on its line, is a {@link ScriptException} naming the file and line.
 */
public final class Placeholders {

	/** The built-in placeholder holding the schema of migrate's tables. */
	public static final String SCHEMA = "migrate:schema";

	/** The built-in placeholder holding the database user. */
	public static final String USER = "migrate:user";

	/** The built-in placeholder holding the engine's dialect name. */
	public static final String ENGINE = "migrate:engine";

	/** The built-in placeholder holding the revision id. */
	public static final String REVISION = "migrate:revision";

	private static final Placeholders NONE = new Placeholders(Map.of(), false);

	private final Map<String, String> values;

	private final boolean enabled;

	private Placeholders(Map<String, String> values, boolean enabled) {
		this.values = values;
		this.enabled = enabled;
	}

	/**
	 * @return placeholders that replace nothing: statements run as written
	 */
	public static Placeholders none() {
		return NONE;
	}

	/**
	 * @param values the configured values by name
	 * @param enabled whether replacement is on
	 * @param schema the value of {@code ${migrate:schema}}, or {@code null} when unknown (offline SQL without a
	 * configured schema)
	 * @param user the value of {@code ${migrate:user}}, or {@code null} when unknown
	 * @param engine the value of {@code ${migrate:engine}}
	 * @return the placeholders
	 */
	public static Placeholders of(Map<String, String> values, boolean enabled, String schema, String user,
			String engine) {
		if (!enabled) {
			return NONE;
		}
		Map<String, String> all = new LinkedHashMap<>(values);
		all.put(SCHEMA, schema);
		all.put(USER, user);
		all.put(ENGINE, engine);
		return new Placeholders(all, true);
	}

	/**
	 * @return whether replacement is on
	 */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * Replaces the placeholders of every statement of a file that allows them (a repeatable script, a callback).
	 * @param statements the statements as split from the file
	 * @param location the file, for messages
	 * @param revision the value of {@code ${migrate:revision}} (the script's name for a repeatable script, the
	 * callback's file name for a callback)
	 * @return the statements with their placeholders replaced, same lines and copy data
	 * @throws ScriptException naming the file and line of an unknown or unclosed placeholder
	 */
	public List<SqlStatement> replaceAll(List<SqlStatement> statements, String location, String revision) {
		if (!this.enabled) {
			return statements;
		}
		return statements.stream()
			.map((statement) -> new SqlStatement(replace(statement.sql(), location, statement.line(), revision),
					statement.line(), statement.copyData()))
			.toList();
	}

	/**
	 * Replaces the placeholders of one statement.
	 * @param sql the statement as split from the file
	 * @param location the file, for messages
	 * @param line the file line the statement starts on
	 * @param revision the revision id, the value of {@code ${migrate:revision}}
	 * @return the statement with every placeholder replaced and every {@code \${} turned into {@code ${}
	 * @throws ScriptException naming the file and line of an unknown or unclosed placeholder
	 */
	public String replace(String sql, String location, int line, String revision) {
		if (!this.enabled || sql.indexOf("${") < 0) {
			return sql;
		}
		StringBuilder out = new StringBuilder(sql.length() + 16);
		int lineOfIndex = line;
		int from = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '\n') {
				lineOfIndex++;
			}
			if (c == '\\' && sql.startsWith("${", i + 1)) {
				out.append(sql, from, i).append("${");
				i += 2;
				from = i + 1;
				continue;
			}
			if (c != '$' || !sql.startsWith("${", i)) {
				continue;
			}
			int close = sql.indexOf('}', i + 2);
			int newline = sql.indexOf('\n', i + 2);
			if (close < 0 || (newline >= 0 && newline < close)) {
				throw new ScriptException(location, lineOfIndex, "placeholder '" + excerpt(sql, i)
						+ "' is not closed on its line; close it with '}', or write '\\${' for a literal '${'");
			}
			String name = sql.substring(i + 2, close);
			String value = value(name, revision, location, lineOfIndex);
			out.append(sql, from, i).append(value);
			i = close;
			from = close + 1;
		}
		out.append(sql, from, sql.length());
		return out.toString();
	}

	private String value(String name, String revision, String location, int line) {
		if (name.equals(REVISION)) {
			return revision;
		}
		if (!this.values.containsKey(name)) {
			TreeSet<String> known = new TreeSet<>(this.values.keySet());
			known.add(REVISION);
			throw new ScriptException(location, line, "unknown placeholder '${" + name + "}'; the known ones are "
					+ String.join(", ", known) + "; " + AdvisedSetting.PLACEHOLDERS.advice() + ", write '\\${' for a literal '${', or put '-- Placeholders: false' in the header");
		}
		String value = this.values.get(name);
		if (value == null) {
			throw new ScriptException(location, line, "placeholder '${" + name + "}' has no value here: offline SQL"
					+ " knows " + (name.equals(SCHEMA) ? "the schema only when schema is set" : "no database user")
					+ "; set it, or avoid '${" + name + "}' in scripts rendered offline");
		}
		return value;
	}

	private static String excerpt(String sql, int at) {
		int end = Math.min(sql.length(), at + 30);
		int newline = sql.indexOf('\n', at);
		if (newline >= 0 && newline < end) {
			end = newline;
		}
		return sql.substring(at, end);
	}

}
