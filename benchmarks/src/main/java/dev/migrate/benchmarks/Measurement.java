package dev.migrate.benchmarks;

import dev.migrate.testsupport.Engine;

/**
 * One timed run.
 *
 * @param scenario what was measured
 * @param engine the database engine
 * @param size the number of migrations
 * @param tool what ran
 * @param run the run number, from 1
 * @param millis time from the child's {@code main} to the end of its work
 * @param wallMillis the child process's wall time, JVM start included
 * @param classes classes loaded by the end of the work, -1 if unknown
 * @param error why the run failed, or {@code null}
 */
record Measurement(Scenario scenario, Engine engine, int size, Tool tool, int run, double millis, double wallMillis,
		int classes, String error) {

	/**
	 * @return the figure this scenario reports
	 */
	double figure() {
		return this.scenario.wallTime() ? this.wallMillis : this.millis;
	}

	boolean failed() {
		return this.error != null;
	}

}
