package dev.migrate.sample;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /loans}.
 *
 * @param bookId the id of the book to lend, required
 * @param borrower who borrows it, required, at most 100 characters
 */
record NewLoan(@Nullable Long bookId, @Nullable String borrower) {

}
