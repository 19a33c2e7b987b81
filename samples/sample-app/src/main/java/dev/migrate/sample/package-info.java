/**
 * The migrate sample: a small library service (authors, books, loans) whose schema migrate builds on
 * startup from {@code classpath:db/migrations}.
 */
@NullMarked
package dev.migrate.sample;

import org.jspecify.annotations.NullMarked;
