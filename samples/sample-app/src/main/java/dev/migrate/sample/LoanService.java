package dev.migrate.sample;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lends and takes back copies: a loan is refused while every copy of the book is out.
 */
@Service
final class LoanService {

	private final LoanRepository loans;

	private final BookRepository books;

	private final TransactionTemplate transaction;

	private final Clock clock = Clock.systemUTC();

	LoanService(LoanRepository loans, BookRepository books, TransactionTemplate transaction) {
		this.loans = loans;
		this.books = books;
		this.transaction = transaction;
	}

	List<Loan> findAll(boolean openOnly) {
		return this.loans.findAll(openOnly);
	}

	Loan get(long id) {
		return this.loans.findById(id).orElseThrow(() -> Requests.notFound("loan", id));
	}

	Loan lend(long bookId, String borrower) {
		Long id = this.transaction.execute((status) -> {
			Book book = this.books.findById(bookId)
				.orElseThrow(() -> Requests.badRequest("'bookId' " + bookId + " names no book"));
			if (book.available() < 1) {
				throw new ResponseStatusException(HttpStatus.CONFLICT,
						"'" + book.title() + "' has no copy left: " + book.copies() + " owned, " + book.copies()
								+ " on loan");
			}
			return this.loans.create(bookId, borrower, this.clock.instant());
		});
		return get(id);
	}

	Loan giveBack(long id) {
		Loan loan = get(id);
		if (!this.loans.markReturned(id, this.clock.instant())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Loan " + id + " was already returned at " + loan.returnedAt());
		}
		return get(id);
	}

}
