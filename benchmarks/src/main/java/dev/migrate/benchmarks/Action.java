package dev.migrate.benchmarks;

/**
 * What a child JVM does with a workload.
 */
enum Action {

	/** Apply every migration to an empty database. */
	APPLY,

	/** Find everything applied and do nothing (raw JDBC: connect and run one query, the floor). */
	NOOP,

	/** Roll every migration back. */
	DOWNGRADE

}
