package dev.migrate.sample;

/**
 * A book, as the API returns it, with its author and how many copies are on the shelf.
 *
 * @param id the generated id
 * @param title the title
 * @param isbn the ISBN, unique
 * @param authorId the author's id
 * @param author the author's name
 * @param copies how many copies the library owns
 * @param available how many of those are not on loan
 */
record Book(long id, String title, String isbn, long authorId, String author, int copies, int available) {

}
