package dev.migrate.core.verify;

/**
 * What the stairway found for one revision.
 */
public enum Outcome {

	/** Its downgrade restored the schema its upgrade started from. */
	OK("ok", false),

	/** After its downgrade the schema differs from the schema before its upgrade. */
	LEAVES_TRACE("leaves a trace", true),

	/** It has no downgrade; the stairway continued above it. */
	IRREVERSIBLE("irreversible", false),

	/** Its upgrade or downgrade failed with an error. */
	FAILED("fails", true),

	/** The stairway stopped below it. */
	NOT_CHECKED("not checked", true);

	private final String label;

	private final boolean failure;

	Outcome(String label, boolean failure) {
		this.label = label;
		this.failure = failure;
	}

	/**
	 * @return how the report prints it, such as {@code leaves a trace}
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return whether it makes the test fail (an irreversible revision does not: it says so on purpose)
	 */
	public boolean isFailure() {
		return this.failure;
	}

}
