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

/**
 * {@code /authors}: list (ordered by sort name), read and create.
 */
@RestController
@RequestMapping("/authors")
final class AuthorController {

	private final AuthorRepository authors;

	AuthorController(AuthorRepository authors) {
		this.authors = authors;
	}

	@GetMapping
	List<Author> list() {
		return this.authors.findAll();
	}

	@GetMapping("/{id}")
	Author get(@PathVariable long id) {
		return this.authors.findById(id).orElseThrow(() -> Requests.notFound("author", id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Author create(@RequestBody NewAuthor request) {
		return this.authors.create(Requests.requireText(request.name(), "name", 200));
	}

}
