package dev.migrate.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A loan of one copy of a book.
 *
 * @param id the generated id
 * @param bookId the book's id
 * @param title the book's title
 * @param borrower who borrowed it
 * @param loanedAt when it was lent
 * @param returnedAt when it came back, or {@code null} while it is out
 */
record Loan(long id, long bookId, String title, String borrower, Instant loanedAt,
		@Nullable Instant returnedAt) {

}
