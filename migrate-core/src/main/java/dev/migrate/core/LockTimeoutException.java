package dev.migrate.core;

import java.time.Duration;

/**
 * Another runner held the migration lock for longer than {@code lockTimeout}. The message names the holder
 * when the engine can tell.
 */
public class LockTimeoutException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String lockName;

	private final Duration timeout;

	private final String holder;

	/**
	 * @param message the user-facing message
	 * @param lockName the lock's name
	 * @param timeout how long it waited
	 * @param holder who holds the lock, or {@code null} if the engine cannot tell
	 */
	public LockTimeoutException(String message, String lockName, Duration timeout, String holder) {
		super(message);
		this.lockName = lockName;
		this.timeout = timeout;
		this.holder = holder;
	}

	/** @return the lock's name */
	public String getLockName() {
		return this.lockName;
	}

	/** @return how long it waited */
	public Duration getTimeout() {
		return this.timeout;
	}

	/** @return who holds the lock, or {@code null} if the engine cannot tell */
	public String getHolder() {
		return this.holder;
	}

}
