package dev.migrate.autoconfigure.actuate;

import dev.migrate.core.MigrationInfoPage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * The {@code ?history=} of {@code /actuator/migrations}: how many of the newest history rows each engine's
 * {@code recentHistory} holds. It is not the page's {@code size}: the page walks the revision list, while the
 * recent history is the same newest rows on every page, so a client asks for each length on its own (a page of 1,000
 * revisions needs no 1,000 history rows, and {@code ?size=10&history=10} is the same answer with 10 revisions
 * applied or 10,000). Optional; a value out of range is a {@code 400} naming the parameter.
 *
 * @param rows the most history rows
 */
record RecentHistory(int rows) {

	/** History rows listed when {@code history} is not given. */
	static final int DEFAULT_ROWS = MigrationInfoPage.DEFAULT_RECENT_HISTORY;

	/** The largest {@code history} accepted. */
	static final int MAX_ROWS = MigrationInfoPage.MAX_RECENT_HISTORY;

	/**
	 * @param history the {@code history} parameter, or {@code null} for {@link #DEFAULT_ROWS}
	 * @return the rows to list
	 * @throws InvalidEndpointRequestException (a {@code 400}) naming the parameter out of range
	 */
	static RecentHistory of(@Nullable Integer history) {
		int rows = (history != null) ? history : DEFAULT_ROWS;
		if (rows < 0 || rows > MAX_ROWS) {
			String message = "Parameter 'history' must be between 0 and " + MAX_ROWS + ", was " + rows;
			throw new InvalidEndpointRequestException(message, message);
		}
		return new RecentHistory(rows);
	}

}
