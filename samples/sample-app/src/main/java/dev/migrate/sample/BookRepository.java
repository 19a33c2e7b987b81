package dev.migrate.sample;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Books over {@link JdbcClient}, with availability from the {@code book_availability} view that the merge
 * revision {@code e8f14a2c6b39} created once both {@code book.copies} and {@code loan.returned_at} existed.
 */
@Component
final class BookRepository {

	private static final String SELECT = """
			SELECT b.id, b.title, b.isbn, b.author_id, a.name AS author, b.copies, v.available
			FROM book b
			JOIN author a ON a.id = b.author_id
			JOIN book_availability v ON v.book_id = b.id
			""";

	private final JdbcClient jdbc;

	BookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Book> findAll() {
		return this.jdbc.sql(SELECT + "ORDER BY b.title, b.id").query(Book.class).list();
	}

	Optional<Book> findById(long id) {
		return this.jdbc.sql(SELECT + "WHERE b.id = ?").param(id).query(Book.class).optional();
	}

	boolean existsByIsbn(String isbn) {
		return this.jdbc.sql("SELECT COUNT(*) FROM book WHERE isbn = ?").param(isbn).query(Integer.class).single() > 0;
	}

	long create(String title, String isbn, long authorId, int copies) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO book (title, isbn, author_id, copies) VALUES (?, ?, ?, ?)")
			.params(title, isbn, authorId, copies)
			.update(keys, "id");
		return GeneratedKeys.id(keys);
	}

}
