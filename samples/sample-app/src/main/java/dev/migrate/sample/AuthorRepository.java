package dev.migrate.sample;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Authors over {@link JdbcClient}. {@code sort_name} arrived in revision {@code 8b5d02c4e6f1}, which
 * backfilled it for existing rows; new rows get it here.
 */
@Component
final class AuthorRepository {

	private final JdbcClient jdbc;

	AuthorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Author> findAll() {
		return this.jdbc.sql("SELECT id, name FROM author ORDER BY sort_name, id").query(Author.class).list();
	}

	Optional<Author> findById(long id) {
		return this.jdbc.sql("SELECT id, name FROM author WHERE id = ?").param(id).query(Author.class).optional();
	}

	Author create(String name) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO author (name, sort_name) VALUES (?, ?)")
			.params(name, name.toLowerCase(Locale.ROOT))
			.update(keys, "id");
		return new Author(GeneratedKeys.id(keys), name);
	}

}
