package dev.migrate.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * The stairway's result for one revision.
 *
 * @param revision the revision id
 * @param message the revision's one-line message
 * @param source the file or class it came from
 * @param outcome what the stairway found
 * @param differences what its downgrade left behind, dropped too much or changed (empty unless
 * {@link Outcome#LEAVES_TRACE})
 * @param detail the error or refusal, for {@link Outcome#FAILED}, {@link Outcome#IRREVERSIBLE} and
 * {@link Outcome#NOT_CHECKED}; {@code null} otherwise
 */
public record RevisionCheck(String revision, String message, String source, Outcome outcome,
		List<SchemaDifference> differences, String detail) {

	public RevisionCheck {
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(outcome, "outcome");
		differences = List.copyOf(differences);
	}

}
