package dev.migrate.core.graph;

/**
 * Which way a plan moves through the graph.
 */
public enum Direction {

	/** Towards the heads: runs upgrade sections, parents (and dependencies) first. */
	UPGRADE,

	/** Towards base: runs downgrade sections, children (and dependents) first. */
	DOWNGRADE

}
