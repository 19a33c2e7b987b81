package dev.migrate.sample;

/**
 * An author, as the API returns it.
 *
 * @param id the generated id
 * @param name the name as written on the cover
 */
record Author(long id, String name) {

}
