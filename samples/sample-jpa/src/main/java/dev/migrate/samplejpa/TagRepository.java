package dev.migrate.samplejpa;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Tags, by Spring Data JPA.
 */
public interface TagRepository extends JpaRepository<Tag, Long> {

}
