package dev.migrate.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /books}: list (ordered by title), read and create, each with its available copies.
 */
@RestController
@RequestMapping("/books")
final class BookController {

	private final BookRepository books;

	private final AuthorRepository authors;

	BookController(BookRepository books, AuthorRepository authors) {
		this.books = books;
		this.authors = authors;
	}

	@GetMapping
	List<Book> list() {
		return this.books.findAll();
	}

	@GetMapping("/{id}")
	Book get(@PathVariable long id) {
		return this.books.findById(id).orElseThrow(() -> Requests.notFound("book", id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Book create(@RequestBody NewBook request) {
		String title = Requests.requireText(request.title(), "title", 300);
		String isbn = Requests.requireText(request.isbn(), "isbn", 17);
		long authorId = Requests.require(request.authorId(), "authorId");
		int copies = (request.copies() != null) ? request.copies() : 1;
		if (copies < 1) {
			throw Requests.badRequest("'copies' must be at least 1, was " + copies);
		}
		if (this.authors.findById(authorId).isEmpty()) {
			throw Requests.badRequest("'authorId' " + authorId + " names no author; create it with POST /authors");
		}
		if (this.books.existsByIsbn(isbn)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "A book with ISBN " + isbn + " already exists");
		}
		long id = this.books.create(title, isbn, authorId, copies);
		return this.books.findById(id).orElseThrow();
	}

}
