package dev.migrate.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /loans}: list ({@code ?open=true} for those still out), read, lend and return.
 */
@RestController
@RequestMapping("/loans")
final class LoanController {

	private final LoanService loans;

	LoanController(LoanService loans) {
		this.loans = loans;
	}

	@GetMapping
	List<Loan> list(@RequestParam(defaultValue = "false") boolean open) {
		return this.loans.findAll(open);
	}

	@GetMapping("/{id}")
	Loan get(@PathVariable long id) {
		return this.loans.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Loan lend(@RequestBody NewLoan request) {
		long bookId = Requests.require(request.bookId(), "bookId");
		return this.loans.lend(bookId, Requests.requireText(request.borrower(), "borrower", 100));
	}

	@PostMapping("/{id}/return")
	Loan giveBack(@PathVariable long id) {
		return this.loans.giveBack(id);
	}

}
