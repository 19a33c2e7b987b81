package dev.migrate.core.runtime;

import java.time.Duration;

/**
 * How long a revision's statements may wait for a table lock, and how often a transactional revision that
 * timed out waiting runs again, with a pause that doubles each time.
 *
 * @param timeout the longest wait, or {@code null} for the server's own setting
 * @param retries how many times to run the revision again after a lock-wait timeout
 */
record LockWait(Duration timeout, int retries) {

	/** The server's own wait, no retries. */
	static final LockWait SERVER_DEFAULT = new LockWait(null, 0);

	/** The first pause before a retry; each later one doubles, up to {@link #MAX_PAUSE}. */
	static final Duration FIRST_PAUSE = Duration.ofMillis(500);

	static final Duration MAX_PAUSE = Duration.ofSeconds(30);

	/**
	 * @param attempt the attempt that just failed, from 1
	 * @return the pause before the next one
	 */
	Duration pauseAfter(int attempt) {
		Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempt - 1, 16));
		return (pause.compareTo(MAX_PAUSE) > 0) ? MAX_PAUSE : pause;
	}

}
