package dev.migrate.core.script;

import dev.migrate.core.MigrateException;

/**
 * A script cannot be read, parsed or split. The message starts with {@code location:line:} (or
 * {@code location:} when no line applies) and ends with the fix.
 */
public class ScriptException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String location;

	private final int line;

	/**
	 * @param location the file path or class name, or {@code null} for SQL that did not come from a file
	 * @param line the 1-based line, or 0 when no line applies
	 * @param problem what is wrong and the fix, without the location prefix
	 */
	public ScriptException(String location, int line, String problem) {
		this(location, line, problem, null);
	}

	/**
	 * @param location the file path or class name, or {@code null} for SQL that did not come from a file
	 * @param line the 1-based line, or 0 when no line applies
	 * @param problem what is wrong and the fix, without the location prefix
	 * @param cause the underlying failure, or {@code null}
	 */
	public ScriptException(String location, int line, String problem, Throwable cause) {
		super(prefix(location, line) + problem, cause);
		this.location = location;
		this.line = line;
	}

	/**
	 * @return the file path or class name, or {@code null}
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * @return the 1-based line, or 0 when no line applies
	 */
	public int getLine() {
		return this.line;
	}

	private static String prefix(String location, int line) {
		if (location == null) {
			return (line > 0) ? "line " + line + ": " : "";
		}
		return (line > 0) ? location + ":" + line + ": " : location + ": ";
	}

}
