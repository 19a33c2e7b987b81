package dev.migrate.sample;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /books}.
 *
 * @param title the title, required, at most 300 characters
 * @param isbn the ISBN, required, unique, at most 17 characters
 * @param authorId the id of an existing author, required
 * @param copies how many copies the library owns; 1 when omitted
 */
record NewBook(@Nullable String title, @Nullable String isbn, @Nullable Long authorId,
		@Nullable Integer copies) {

}
