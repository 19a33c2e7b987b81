package dev.migrate.core.script;

import java.util.List;

import dev.migrate.core.dialect.Engine;

/**
 * The SQL engines a script can be split and run for. Each has the name scripts use in section qualifiers
 * ({@code -- migrate:upgrade postgresql}) and in {@link MigrationContext#engine()}.
 */
public enum SqlSyntax {

	/** PostgreSQL: nested block comments, dollar quotes, {@code E''} strings, {@code COPY ... FROM stdin}. */
	POSTGRESQL(Engine.POSTGRESQL),

	/** MySQL: backslash escapes, backticks, {@code #} comments, {@code DELIMITER}. */
	MYSQL(Engine.MYSQL),

	/** MariaDB: as MySQL; scripts fall back from {@code mariadb} sections to {@code mysql} ones. */
	MARIADB(Engine.MARIADB),

	/** SQLite: bracket and backtick identifiers, trigger bodies. */
	SQLITE(Engine.SQLITE),

	/** SQL Server: {@code GO} batch separators, bracket identifiers, nested block comments. */
	SQLSERVER(Engine.SQLSERVER),

	/** H2: {@code $$} strings. */
	H2(Engine.H2);

	private final String engineName;

	SqlSyntax(Engine engine) {
		this.engineName = engine.id();
	}

	/**
	 * @param engine an engine
	 * @return the rules its scripts are split by
	 */
	public static SqlSyntax of(Engine engine) {
		return switch (engine) {
			case POSTGRESQL -> POSTGRESQL;
			case MYSQL -> MYSQL;
			case MARIADB -> MARIADB;
			case SQLITE -> SQLITE;
			case SQLSERVER -> SQLSERVER;
			case H2 -> H2;
		};
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
