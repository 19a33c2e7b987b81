package dev.migrate.autoconfigure.actuate;

import dev.migrate.core.MigrationInfoPage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * The {@code ?page=&size=} of {@code /actuator/migrations}, which pages both its lists: each engine's revisions
 * and the tenants that need attention. Both are optional; a value out of range is a {@code 400} naming the
 * parameter.
 *
 * @param page the page, from 0
 * @param size the most entries per page
 */
record Paging(int page, int size) {

	/** Entries listed per page when {@code size} is not given. */
	static final int DEFAULT_SIZE = 100;

	/** The largest {@code size} accepted. */
	static final int MAX_SIZE = MigrationInfoPage.MAX_SIZE;

	/**
	 * @param page the {@code page} parameter, or {@code null} for the first page
	 * @param size the {@code size} parameter, or {@code null} for {@link #DEFAULT_SIZE}
	 * @return the page to list
	 * @throws InvalidEndpointRequestException (a {@code 400}) naming the parameter out of range
	 */
	static Paging of(@Nullable Integer page, @Nullable Integer size) {
		int pageNumber = (page != null) ? page : 0;
		int pageSize = (size != null) ? size : DEFAULT_SIZE;
		if (pageNumber < 0) {
			throw invalid("Parameter 'page' must be 0 or more (the first page is 0), was " + pageNumber);
		}
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			throw invalid("Parameter 'size' must be between 1 and " + MAX_SIZE + ", was " + pageSize);
		}
		return new Paging(pageNumber, pageSize);
	}

	private static InvalidEndpointRequestException invalid(String message) {
		return new InvalidEndpointRequestException(message, message);
	}

}
