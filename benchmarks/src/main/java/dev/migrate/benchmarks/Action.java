package dev.migrate.benchmarks;

/**
 * What a child JVM does with a workload.
 */
enum Action {

	/** Apply every migration to an empty database. */
	APPLY,

	/**
	 * Untimed set-up for the no-op, CLI and boot runs: as {@link #APPLY}, except that Flyway applies the whole plan
	 * as one group, because its default apply re-sorts every migration's state after each one (quadratic: more than
	 * ten minutes for 10,000 on SQLite). The history it leaves is the same. Not on PostgreSQL, where 10,000 DDL
	 * statements in one transaction exceed the lock table ({@code max_locks_per_transaction}).
	 */
	SETUP,

	/** Find everything applied and do nothing (raw JDBC: connect and run one query, the floor). */
	NOOP,

	/** Roll every migration back. */
	DOWNGRADE

}
