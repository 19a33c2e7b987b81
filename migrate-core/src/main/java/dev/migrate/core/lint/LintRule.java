package dev.migrate.core.lint;

import java.util.EnumSet;
import java.util.Set;

import dev.migrate.core.script.SqlSyntax;

/**
 * Every rule {@code migrate lint} applies: a stable code (what suppression comments and severity settings name),
 * the engines it concerns, its default severity, what it catches and the safe rewrite.
 */
public enum LintRule {

	/** PostgreSQL: {@code CREATE INDEX} on an existing table without {@code CONCURRENTLY}. */
	PG01("PG01", Scope.POSTGRESQL, Severity.ERROR, "CREATE INDEX on an existing table without CONCURRENTLY",
			"CREATE INDEX CONCURRENTLY, alone in a revision with 'Transactional: false'"),

	/** PostgreSQL: {@code DROP INDEX} of an existing table's index without {@code CONCURRENTLY}. */
	PG02("PG02", Scope.POSTGRESQL, Severity.ERROR, "DROP INDEX on an existing table without CONCURRENTLY",
			"DROP INDEX CONCURRENTLY, alone in a revision with 'Transactional: false'"),

	/** PostgreSQL: {@code CONCURRENTLY} in a revision that runs in a transaction. */
	PG03("PG03", Scope.POSTGRESQL, Severity.ERROR, "CREATE/DROP INDEX or REINDEX CONCURRENTLY in a transactional revision",
			"add 'Transactional: false' to the revision's header and keep the concurrent statement alone in it"),

	/** PostgreSQL: {@code ADD COLUMN ... NOT NULL} without a default on an existing table. */
	PG04("PG04", Scope.POSTGRESQL, Severity.ERROR, "ADD COLUMN ... NOT NULL without a DEFAULT on an existing table",
			"add the column with a constant DEFAULT, or nullable; backfill; then make it NOT NULL (see PG07)"),

	/** PostgreSQL: a new column whose default differs per row. */
	PG05("PG05", Scope.POSTGRESQL, Severity.ERROR,
			"ADD COLUMN with a volatile default (random(), gen_random_uuid(), nextval, serial, identity, stored"
					+ " generated) on an existing table",
			"add the column without a default, then ALTER COLUMN ... SET DEFAULT for new rows and backfill old"
					+ " rows in batches"),

	/** PostgreSQL: a column type change that rewrites the table. */
	PG06("PG06", Scope.POSTGRESQL, Severity.ERROR, "ALTER COLUMN ... TYPE that rewrites an existing table",
			"only widen in place (longer varchar, varchar to text, numeric with more digits); otherwise add a new"
					+ " column, write both, backfill in batches and switch over"),

	/** PostgreSQL: {@code SET NOT NULL} without a validated {@code CHECK (c IS NOT NULL)} first. */
	PG07("PG07", Scope.POSTGRESQL, Severity.ERROR, "SET NOT NULL without a validated CHECK (col IS NOT NULL) first",
			"ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c; then SET NOT NULL, which"
					+ " PostgreSQL 12+ proves from the constraint without a scan"),

	/** PostgreSQL: {@code ADD FOREIGN KEY}/{@code CHECK} on an existing table without {@code NOT VALID}. */
	PG08("PG08", Scope.POSTGRESQL, Severity.ERROR, "ADD FOREIGN KEY or CHECK on an existing table without NOT VALID",
			"ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later statement"),

	/** PostgreSQL: {@code ADD PRIMARY KEY}/{@code UNIQUE} that builds its index under the table lock. */
	PG09("PG09", Scope.POSTGRESQL, Severity.ERROR, "ADD PRIMARY KEY or UNIQUE on an existing table without a prebuilt index",
			"CREATE UNIQUE INDEX CONCURRENTLY idx ...; then ADD CONSTRAINT c PRIMARY KEY (or UNIQUE) USING INDEX idx"),

	/** PostgreSQL: {@code VACUUM FULL} and {@code CLUSTER}. */
	PG10("PG10", Scope.POSTGRESQL, Severity.ERROR, "VACUUM FULL or CLUSTER",
			"leave it to autovacuum or run plain VACUUM; to compact a live table use pg_repack outside migrations"),

	/** PostgreSQL: {@code REINDEX} without {@code CONCURRENTLY}. */
	PG11("PG11", Scope.POSTGRESQL, Severity.ERROR, "REINDEX without CONCURRENTLY",
			"REINDEX ... CONCURRENTLY (PostgreSQL 12+), alone in a revision with 'Transactional: false'"),

	/** PostgreSQL: an explicit {@code LOCK TABLE}. */
	PG12("PG12", Scope.POSTGRESQL, Severity.ERROR, "LOCK TABLE",
			"let each statement take the lock it needs, and bound every wait with ddl-lock-timeout"),

	/** MySQL/MariaDB: an {@code ALTER TABLE} form that copies the table. */
	MY01("MY01", Scope.MYSQL, Severity.ERROR,
			"ALTER TABLE forms that copy the table or block writes (CONVERT TO CHARACTER SET, DROP PRIMARY KEY,"
					+ " ENGINE=, ORDER BY, PARTITION BY, ALGORITHM=COPY, an AUTO_INCREMENT or stored generated"
					+ " column, FULLTEXT/SPATIAL index)",
			"choose a form that runs with ALGORITHM=INPLACE, LOCK=NONE (say so in the statement, so the server"
					+ " refuses instead of copying), or use an online schema change tool (gh-ost,"
					+ " pt-online-schema-change)"),

	/** MySQL/MariaDB: {@code ADD COLUMN ... FIRST/AFTER}. */
	MY02("MY02", Scope.MYSQL, Severity.WARNING, "ADD COLUMN ... FIRST or AFTER on an existing table",
			"add the column last: MySQL 8.0.12+ and MariaDB 10.3+ do that instantly"),

	/** MySQL/MariaDB: {@code MODIFY}/{@code CHANGE} that changes a column's type. */
	MY03("MY03", Scope.MYSQL, Severity.ERROR, "MODIFY or CHANGE that changes a column's data type",
			"only lengthen a VARCHAR within the same length-byte range (in place); otherwise add a new column,"
					+ " backfill in batches and switch over, or use an online schema change tool"),

	/** MySQL/MariaDB: {@code OPTIMIZE TABLE}. */
	MY04("MY04", Scope.MYSQL, Severity.WARNING, "OPTIMIZE TABLE",
			"run it outside migrations, off-peak, if at all; InnoDB rarely needs it"),

	/** Every engine: {@code DROP TABLE} of an existing table. */
	ALL01("ALL01", Scope.ALL, Severity.WARNING, "DROP TABLE of an existing table",
			"drop it in a later release, once no deployed code reads it; suppress with the reason when that is so"),

	/** Every engine: {@code DROP COLUMN} of an existing table. */
	ALL02("ALL02", Scope.ALL, Severity.WARNING, "DROP COLUMN of an existing table",
			"stop reading and writing the column first, drop it in a later release; suppress with the reason"),

	/** Every engine: {@code TRUNCATE}. */
	ALL03("ALL03", Scope.ALL, Severity.WARNING, "TRUNCATE of an existing table",
			"delete what must go explicitly, or suppress with the reason when emptying the table is the intent"),

	/** Every engine: renaming a table or a column. */
	ALL04("ALL04", Scope.ALL, Severity.WARNING, "RENAME of an existing table or column",
			"expand and contract: add the new name, write both, move readers, drop the old name in a later release"),

	/** Every engine: a column type change that can lose values. */
	ALL05("ALL05", Scope.ALL, Severity.WARNING, "a column type change that narrows it (shorter string, smaller number)",
			"check that every value fits (the statement fails or truncates otherwise) and that old code writes"
					+ " nothing wider; or keep the wider type"),

	/** Every engine: {@code UPDATE}/{@code DELETE} of a whole existing table. */
	ALL06("ALL06", Scope.ALL, Severity.ERROR, "UPDATE or DELETE without WHERE on an existing table",
			"change rows in batches by key range, each batch its own transaction (a 'Transactional: false'"
					+ " revision, or a Java migration)"),

	/** Every engine: data changes and DDL in one revision where DDL commits on its own. */
	ALL07("ALL07", Scope.ALL, Severity.WARNING,
			"data changes mixed with DDL where they do not share one transaction (MySQL, MariaDB, H2, or"
					+ " 'Transactional: false')",
			"put the data change in a revision of its own, so a failure leaves a revision either applied or not"),

	/** A suppression comment the linter cannot honour. */
	LINT01("LINT01", Scope.ALL, Severity.ERROR, "a '-- migrate:lint-ignore' comment without a known code or a reason",
			"write '-- migrate:lint-ignore CODE[,CODE] reason' on the line before the statement");

	private final String code;

	private final Scope scope;

	private final Severity defaultSeverity;

	private final String catches;

	private final String fix;

	LintRule(String code, Scope scope, Severity defaultSeverity, String catches, String fix) {
		this.code = code;
		this.scope = scope;
		this.defaultSeverity = defaultSeverity;
		this.catches = catches;
		this.fix = fix;
	}

	/**
	 * @return the stable code, e.g. {@code PG01}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @return the engines the rule concerns, as a short label ({@code PostgreSQL}, {@code MySQL/MariaDB},
	 * {@code all})
	 */
	public String engines() {
		return this.scope.label;
	}

	/**
	 * @return the severity unless configured otherwise
	 */
	public Severity defaultSeverity() {
		return this.defaultSeverity;
	}

	/**
	 * @return what the rule catches, in a phrase
	 */
	public String catches() {
		return this.catches;
	}

	/**
	 * @return the safe rewrite
	 */
	public String fix() {
		return this.fix;
	}

	/**
	 * @param engine an engine
	 * @return whether the rule applies to scripts for that engine
	 */
	public boolean appliesTo(SqlSyntax engine) {
		return this.scope.engines.contains(engine);
	}

	/**
	 * Finds a rule by its code.
	 * @param code a code such as {@code PG01} (any case)
	 * @return the rule, or {@code null} when no rule has that code
	 */
	public static LintRule forCode(String code) {
		for (LintRule rule : values()) {
			if (rule.code.equalsIgnoreCase(code.strip())) {
				return rule;
			}
		}
		return null;
	}

	/** The engines a rule concerns. */
	private enum Scope {

		POSTGRESQL("PostgreSQL", EnumSet.of(SqlSyntax.POSTGRESQL)),

		MYSQL("MySQL/MariaDB", EnumSet.of(SqlSyntax.MYSQL, SqlSyntax.MARIADB)),

		ALL("all", EnumSet.allOf(SqlSyntax.class));

		private final String label;

		private final Set<SqlSyntax> engines;

		Scope(String label, Set<SqlSyntax> engines) {
			this.label = label;
			this.engines = engines;
		}

	}

}
