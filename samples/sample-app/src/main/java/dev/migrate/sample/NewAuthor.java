package dev.migrate.sample;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /authors}.
 *
 * @param name the name, required, at most 200 characters
 */
record NewAuthor(@Nullable String name) {

}
