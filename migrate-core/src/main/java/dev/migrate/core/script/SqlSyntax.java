package dev.migrate.core.script;

import java.util.List;

/**
 * The SQL engines a script can be split and run for. Each has the name scripts use in section qualifiers
 * ({@code -- migrate:upgrade postgresql}) and in {@link MigrationContext#engine()}.
 */
public enum SqlSyntax {

	/** PostgreSQL: nested block comments, dollar quotes, {@code E''} strings, {@code COPY ... FROM stdin}. */
	POSTGRESQL("postgresql"),

	/** MySQL: backslash escapes, backticks, {@code #} comments, {@code DELIMITER}. */
	MYSQL("mysql"),

	/** MariaDB: as MySQL; scripts fall back from {@code mariadb} sections to {@code mysql} ones. */
	MARIADB("mariadb"),

	/** SQLite: bracket and backtick identifiers, trigger bodies. */
	SQLITE("sqlite"),

	/** SQL Server: {@code GO} batch separators, bracket identifiers, nested block comments. */
	SQLSERVER("sqlserver"),

	/** H2: {@code $$} strings. */
	H2("h2");

	private final String engineName;

	SqlSyntax(String engineName) {
		this.engineName = engineName;
	}

	/**
	 * @return the engine's name as section qualifiers spell it, e.g. {@code postgresql}
	 */
	public String engineName() {
		return this.engineName;
	}

	/**
	 * Finds a syntax by its engine name.
	 * @param engineName a name such as {@code postgresql} (case-insensitive)
	 * @return the syntax, or {@code null} if no engine has that name
	 */
	public static SqlSyntax forEngineName(String engineName) {
		for (SqlSyntax syntax : values()) {
			if (syntax.engineName.equalsIgnoreCase(engineName)) {
				return syntax;
			}
		}
		return null;
	}

	/**
	 * The section qualifiers a script is searched for, most specific first, ending with {@code null} for the
	 * unqualified section: MariaDB falls back to MySQL.
	 */
	List<String> sectionFallbacks() {
		if (this == MARIADB) {
			return java.util.Arrays.asList(MARIADB.engineName, MYSQL.engineName, null);
		}
		return java.util.Arrays.asList(this.engineName, null);
	}

	static String engineNames() {
		StringBuilder names = new StringBuilder();
		for (SqlSyntax syntax : values()) {
			names.append((names.length() > 0) ? ", " : "").append(syntax.engineName);
		}
		return names.toString();
	}

}
