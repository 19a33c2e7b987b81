package dev.migrate.sample;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks request fields and answers 400 with a message naming the field.
 */
final class Requests {

	private Requests() {
	}

	static String requireText(@Nullable String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			throw badRequest("'" + field + "' is required");
		}
		String trimmed = value.strip();
		if (trimmed.length() > maxLength) {
			throw badRequest("'" + field + "' must be at most " + maxLength + " characters, was " + trimmed.length());
		}
		return trimmed;
	}

	static <T> T require(@Nullable T value, String field) {
		if (value == null) {
			throw badRequest("'" + field + "' is required");
		}
		return value;
	}

	static ResponseStatusException badRequest(String reason) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
	}

	static ResponseStatusException notFound(String what, long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " with id " + id);
	}

}
