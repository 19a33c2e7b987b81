package dev.migrate.samplejpa;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Authors, by Spring Data JPA.
 */
public interface AuthorRepository extends JpaRepository<Author, Long> {

}
