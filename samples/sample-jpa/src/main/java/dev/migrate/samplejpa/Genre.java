package dev.migrate.samplejpa;

/**
 * A book's genre, stored by name.
 */
public enum Genre {

	FICTION, HISTORY, SCIENCE

}
