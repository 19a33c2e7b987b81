package dev.migrate.samplejpa;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Books, by Spring Data JPA.
 */
public interface BookRepository extends JpaRepository<Book, Long> {

	List<Book> findByGenre(Genre genre);

}
